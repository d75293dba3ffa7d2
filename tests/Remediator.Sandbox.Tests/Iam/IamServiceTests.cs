using Remediator.Aws.Composition;
using Remediator.Aws.Config;
using Remediator.Sandbox.Tests.TestSupport;

namespace Remediator.Sandbox.Tests.Iam;

/// <summary>
/// The sandbox's IAM serves the account alias (List, Create, Delete) as IAM does: one alias at most, a new one
/// replacing it, IAM's pattern enforced, and requests signed for us-east-1 (IAM is global) whatever region the
/// sandbox serves; Remediator's own IAM client reads it back.
/// </summary>
public sealed class IamServiceTests : IAsyncLifetime
{
    private SandboxServer server = null!;
    private SignedClient client = null!;

    public async Task InitializeAsync()
    {
        server = await SandboxServer.StartAsync(new SandboxOptions { Region = "eu-west-1", Seed = 7 });
        client = new SignedClient(server.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task ListAccountAliases_NoAlias_IsAnEmptyList()
    {
        var response = await Iam("ListAccountAliases");

        Assert.Equal(200, response.Status);
        Assert.StartsWith("<ListAccountAliasesResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">", response.Body, StringComparison.Ordinal);
        Assert.Equal("false", response.Xml("IsTruncated"));
        Assert.DoesNotContain("<member>", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAccountAlias_ThenAnother_TheAccountKeepsOnlyTheNewOne()
    {
        Assert.Equal(200, (await Iam("CreateAccountAlias", ("AccountAlias", "payments-prod"))).Status);
        Assert.Equal(200, (await Iam("CreateAccountAlias", ("AccountAlias", "payments-live"))).Status);

        var list = await Iam("ListAccountAliases");

        Assert.Equal("payments-live", list.Xml("member"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(list.Body, "<member>"));
    }

    [Fact]
    public async Task DeleteAccountAlias_RemovesIt_AndAnUnknownOneIsNoSuchEntity()
    {
        await Iam("CreateAccountAlias", ("AccountAlias", "payments-prod"));

        Assert.Equal(200, (await Iam("DeleteAccountAlias", ("AccountAlias", "payments-prod"))).Status);
        var again = await Iam("DeleteAccountAlias", ("AccountAlias", "payments-prod"));

        Assert.Equal(404, again.Status);
        Assert.Equal("NoSuchEntity", again.Xml("Code"));
        Assert.DoesNotContain("<member>", (await Iam("ListAccountAliases")).Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Payments")]
    [InlineData("-payments")]
    [InlineData("pay--ments")]
    [InlineData("ab")]
    public async Task CreateAccountAlias_OutsideIamsPattern_IsAValidationError(string alias)
    {
        var response = await Iam("CreateAccountAlias", ("AccountAlias", alias));

        Assert.Equal(400, response.Status);
        Assert.Equal("ValidationError", response.Xml("Code"));
    }

    [Fact]
    public async Task Iam_SignedForTheSandboxsRegionInsteadOfUsEast1_IsRefused()
    {
        // IAM's credential scope names us-east-1; eu-west-1 (the sandbox's region) is wrong for it, as in AWS.
        var response = await client.SendAsync(
            "iam", HttpMethod.Post, "/", "Action=ListAccountAliases&Version=2010-05-08", "application/x-www-form-urlencoded; charset=utf-8", region: "eu-west-1");

        Assert.Equal(403, response.Status);
    }

    [Fact]
    public async Task RemediatorsIamClient_InAnotherRegion_ReadsTheAlias()
    {
        await Iam("CreateAccountAlias", ("AccountAlias", "payments-prod"));
        using var clients = AwsClients.Create(AwsEnvironment.FromDictionary(new Dictionary<string, string>
        {
            ["AWS_REGION"] = "eu-west-1",
            ["AWS_ENDPOINT_URL"] = server.BaseUrl.ToString(),
            ["AWS_ACCESS_KEY_ID"] = "test",
            ["AWS_SECRET_ACCESS_KEY"] = "test",
        }));

        Assert.Equal(["payments-prod"], await clients.Iam.ListAccountAliasesAsync(CancellationToken.None));
    }

    private Task<WireResponse> Iam(string action, params (string Name, string Value)[] parameters) =>
        client.QueryAsync("iam", [("Action", action), ("Version", "2010-05-08"), .. parameters]);
}
