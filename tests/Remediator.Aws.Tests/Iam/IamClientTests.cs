using Remediator.Aws.Composition;
using Remediator.Aws.Config;
using Remediator.Aws.Credentials;
using Remediator.Aws.Endpoints;
using Remediator.Aws.Iam;
using Remediator.Aws.Signing;
using Remediator.Aws.Tests.Signing;
using Remediator.Aws.Tests.TestSupport;
using Remediator.Core.Ports;
using Remediator.Emulation.Signing;

namespace Remediator.Aws.Tests.Iam;

/// <summary>IAM ListAccountAliases on the wire: the query protocol, signed as a global service.</summary>
public sealed class IamClientTests
{
    [Fact]
    public async Task ListAccountAliasesAsync_Success_ReturnsTheAliasAndSignsForIam()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Xml(200, Fixture.Text("Iam", "list-account-aliases.xml")));

        var aliases = await new IamClient(new TestAws().Client(server)).ListAccountAliasesAsync(CancellationToken.None);

        Assert.Equal(["payments-prod"], aliases);
        var wire = Assert.Single(server.Requests);
        var form = AwsRequestSigner.ParseQuery(wire.BodyText).ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal(("ListAccountAliases", "2010-05-08"), (form["Action"], form["Version"]));
        Assert.Equal(2, form.Count);
        Assert.True(SigV4Authorization.TryParse(wire.Header("Authorization"), out var auth));
        Assert.Equal(("iam", "us-east-1"), (auth.Service, auth.Region));
        AwsRequestSignerTests.AssertVerifies(wire, TestAws.Credentials);
    }

    [Fact]
    public async Task ListAccountAliasesAsync_NoAlias_IsEmpty()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Xml(200, "<ListAccountAliasesResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><ListAccountAliasesResult><IsTruncated>false</IsTruncated><AccountAliases/></ListAccountAliasesResult></ListAccountAliasesResponse>"));

        Assert.Empty(await new IamClient(new TestAws().Client(server)).ListAccountAliasesAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ListAccountAliasesAsync_AccessDenied_ThrowsTypedError()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Xml(403, "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>not authorized to perform: iam:ListAccountAliases</Message></Error><RequestId>x</RequestId></ErrorResponse>"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => new IamClient(new TestAws().Client(server)).ListAccountAliasesAsync(CancellationToken.None));

        Assert.Equal(("AccessDenied", 403), (error.ErrorCode, error.StatusCode));
    }

    [Fact]
    public async Task ListAccountAliasesAsync_AnswerWithoutTheList_IsProtocolError()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Xml(200, "<ListAccountAliasesResponse><ListAccountAliasesResult/></ListAccountAliasesResponse>"));

        await Assert.ThrowsAsync<InvalidDataException>(() => new IamClient(new TestAws().Client(server)).ListAccountAliasesAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AwsClients_InAnotherRegion_SignIamForUsEast1AndTheRestForTheirRegion()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Xml(200, Fixture.Text("Iam", "list-account-aliases.xml")))
            .Enqueue(CannedResponse.Xml(200, Fixture.Text("Sts", "get-caller-identity.xml")));
        var environment = AwsEnvironment.FromDictionary(new Dictionary<string, string>
        {
            ["AWS_REGION"] = "eu-west-1",
            ["AWS_ENDPOINT_URL"] = server.BaseUri.ToString(),
            ["AWS_ACCESS_KEY_ID"] = "AKIDENV",
            ["AWS_SECRET_ACCESS_KEY"] = "env-secret",
        });
        using var clients = AwsClients.Create(environment);

        Assert.Equal(["payments-prod"], await clients.Iam.ListAccountAliasesAsync(CancellationToken.None));
        await clients.Sts.GetCallerIdentityAsync(CancellationToken.None);

        var scopes = server.Requests.Select(r =>
        {
            AwsRequestSignerTests.AssertVerifies(r, new AwsCredentials("AKIDENV", "env-secret", null));
            Assert.True(SigV4Authorization.TryParse(r.Header("Authorization"), out var auth));
            return (auth.Region, auth.Service);
        });
        Assert.Equal([("us-east-1", "iam"), ("eu-west-1", "sts")], scopes);
    }

    [Theory]
    [InlineData("us-east-1", "https://iam.amazonaws.com/", "us-east-1")]
    [InlineData("eu-west-1", "https://iam.amazonaws.com/", "us-east-1")]
    [InlineData("cn-northwest-1", "https://iam.cn-north-1.amazonaws.com.cn/", "cn-north-1")]
    [InlineData("us-gov-east-1", "https://iam.us-gov.amazonaws.com/", "us-gov-west-1")]
    public void Iam_IsGlobal_OneEndpointAndSigningRegionPerPartition(string region, string endpoint, string signingRegion)
    {
        Assert.Equal(endpoint, AwsEndpointResolver.Default(AwsService.Iam, region).ToString());
        Assert.Equal(signingRegion, AwsService.Iam.SigningRegion(region));

        // A regional service keeps its region.
        Assert.Equal(region, AwsService.Sts.SigningRegion(region));
        Assert.Contains(region, AwsEndpointResolver.Default(AwsService.Sts, region).Host, StringComparison.Ordinal);
    }
}
