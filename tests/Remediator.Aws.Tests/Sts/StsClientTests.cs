using Remediator.Aws.Signing;
using Remediator.Aws.Sts;
using Remediator.Aws.Tests.Signing;
using Remediator.Aws.Tests.TestSupport;
using Remediator.Core.Ports;
using Remediator.Emulation.Signing;

namespace Remediator.Aws.Tests.Sts;

public sealed class StsClientTests
{
    [Fact]
    public async Task GetCallerIdentityAsync_Success_ReturnsAccountArnAndUser()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Xml(200, Fixture.Text("Sts", "get-caller-identity.xml")));

        var identity = await new StsClient(new TestAws().Client(server)).GetCallerIdentityAsync(CancellationToken.None);

        Assert.Equal(new CallerIdentity("123456789012", "arn:aws:sts::123456789012:assumed-role/remediator-role/remediator", "AROAEXAMPLEID:remediator"), identity);
        var wire = Assert.Single(server.Requests);
        var form = AwsRequestSigner.ParseQuery(wire.BodyText).ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal(("GetCallerIdentity", "2011-06-15"), (form["Action"], form["Version"]));
        Assert.True(SigV4Authorization.TryParse(wire.Header("Authorization"), out var auth));
        Assert.Equal("sts", auth.Service);
        AwsRequestSignerTests.AssertVerifies(wire, TestAws.Credentials);
    }

    [Fact]
    public async Task GetCallerIdentityAsync_ExpiredToken_ThrowsTypedError()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Xml(403, "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type><Code>ExpiredToken</Code><Message>The security token included in the request is expired</Message></Error><RequestId>x</RequestId></ErrorResponse>"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => new StsClient(new TestAws().Client(server)).GetCallerIdentityAsync(CancellationToken.None));

        Assert.Equal(("ExpiredToken", 403), (error.ErrorCode, error.StatusCode));
    }

    [Fact]
    public async Task GetCallerIdentityAsync_AnswerWithoutAccount_IsProtocolError()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Xml(200, "<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>a</Arn></GetCallerIdentityResult></GetCallerIdentityResponse>"));

        await Assert.ThrowsAsync<InvalidDataException>(() => new StsClient(new TestAws().Client(server)).GetCallerIdentityAsync(CancellationToken.None));
    }
}
