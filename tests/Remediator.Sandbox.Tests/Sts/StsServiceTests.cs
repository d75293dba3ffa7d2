using Remediator.Sandbox.Tests.TestSupport;

namespace Remediator.Sandbox.Tests.Sts;

public sealed class StsServiceTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task GetCallerIdentity_Signed_ReturnsAccountRootInXml()
    {
        var response = await sandbox.Client.QueryAsync("sts", [("Action", "GetCallerIdentity"), ("Version", "2011-06-15")]);

        Assert.Equal(200, response.Status);
        Assert.StartsWith("<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">", response.Body, StringComparison.Ordinal);
        Assert.Equal("000000000000", response.Xml("Account"));
        Assert.Equal("arn:aws:iam::000000000000:root", response.Xml("Arn"));
    }
}
