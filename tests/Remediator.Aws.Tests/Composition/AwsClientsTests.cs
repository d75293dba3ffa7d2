using Remediator.Aws.Composition;
using Remediator.Aws.Config;
using Remediator.Aws.Credentials;
using Remediator.Aws.Signing;
using Remediator.Aws.Tests.Signing;
using Remediator.Aws.Tests.TestSupport;
using Remediator.Emulation.Credentials;
using Remediator.Emulation.Signing;

namespace Remediator.Aws.Tests.Composition;

public sealed class AwsClientsTests
{
    [Fact]
    public async Task Create_EndpointFromEnvironment_ClientsSignForRegionAndService()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Xml(200, Fixture.Text("Sts", "get-caller-identity.xml")))
            .Enqueue(CannedResponse.Json(200, Fixture.Text("Lambda", "list-tags.json")));
        var environment = AwsEnvironment.FromDictionary(new Dictionary<string, string>
        {
            ["AWS_REGION"] = "eu-west-1",
            ["AWS_ENDPOINT_URL"] = server.BaseUri.ToString(),
            ["AWS_LAMBDA_FUNCTION_NAME"] = "remediator",
            ["AWS_ACCESS_KEY_ID"] = "ASIAENV",
            ["AWS_SECRET_ACCESS_KEY"] = "env-secret",
            ["AWS_SESSION_TOKEN"] = "env-token",
        });
        using var clients = AwsClients.Create(environment);

        var identity = await clients.Sts.GetCallerIdentityAsync(CancellationToken.None);
        var tags = await clients.Lambda.ListTagsAsync("arn:aws:lambda:eu-west-1:123456789012:function:pets", CancellationToken.None);

        Assert.Equal("123456789012", identity.Account);
        Assert.Equal("pets", tags["team"]);
        Assert.Equal("eu-west-1", clients.Region);
        var keys = new AwsCredentials("ASIAENV", "env-secret", "env-token");
        var services = server.Requests.Select(r =>
        {
            AwsRequestSignerTests.AssertVerifies(r, keys);
            Assert.True(SigV4Authorization.TryParse(r.Header("Authorization"), out var auth));
            return (auth.Region, auth.Service);
        });
        Assert.Equal([("eu-west-1", "sts"), ("eu-west-1", "lambda")], services);
    }

    [Fact]
    public void Create_NoRegionAnywhere_FailsNamingTheVariable()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AwsClients.Create(AwsEnvironment.FromDictionary(new Dictionary<string, string>())));

        Assert.Contains("AWS_REGION", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_SettingsRegionAndCredentials_WinOverEnvironment()
    {
        var environment = AwsEnvironment.FromDictionary(new Dictionary<string, string> { ["AWS_REGION"] = "us-west-2" });
        var credentials = new StaticCredentialsProvider(new AwsCredentials("test", "test"));

        using var clients = AwsClients.Create(environment, new AwsClientSettings { Region = "us-east-1", Credentials = credentials });

        Assert.Equal("us-east-1", clients.Region);
        Assert.Same(credentials, clients.Credentials);
        Assert.Equal(new Uri("https://dynamodb.us-east-1.amazonaws.com"), clients.Endpoints.Resolve(Remediator.Aws.Endpoints.AwsService.DynamoDb, clients.Region));
    }
}
