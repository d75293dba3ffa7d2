using Remediator.Sandbox.Tests.TestSupport;

namespace Remediator.Sandbox.Tests.Admin;

/// <summary><c>/_sandbox/role-permissions</c>: declaring which IAM roles may invoke which functions.</summary>
public sealed class RolePermissionEndpointTests : IAsyncLifetime
{
    private const string Role = "arn:aws:iam::000000000000:role/apigw-invoke";
    private const string Pets = "arn:aws:lambda:us-east-1:000000000000:function:pets*";

    private SandboxServer _server = null!;
    private SignedClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await SandboxServer.StartAsync(new SandboxOptions { Seed = 3 });
        _client = new SignedClient(_server.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Post_NewDeclaration_Returns201AndListsItOnceInListAndState()
    {
        var first = await _client.AllowRoleAsync(Role, Pets);
        var again = await _client.AllowRoleAsync(Role, Pets);

        var listed = (await _client.PlainAsync(HttpMethod.Get, "/_sandbox/role-permissions")).Json;
        var state = (await _client.PlainAsync(HttpMethod.Get, "/_sandbox/state")).Json.GetProperty("rolePermissions");
        Assert.Equal((201, 201), (first.Status, again.Status));
        Assert.Equal($$"""[{"roleArn":"{{Role}}","functionArn":"{{Pets}}"}]""", listed.GetRawText());
        Assert.Equal(listed.GetRawText(), state.GetRawText());
    }

    [Theory]
    [InlineData("""{"functionArn":"arn:aws:lambda:us-east-1:000000000000:function:pets"}""", "roleArn")]
    [InlineData("""{"roleArn":"arn:aws:iam::000000000000:role/r","functionArn":"pets"}""", "functionArn")]
    [InlineData("""not json""", null)]
    [InlineData("""null""", "roleArn")]
    public async Task Post_BadDeclaration_Returns400AndStoresNothing(string body, string? field)
    {
        var response = await _client.PlainAsync(HttpMethod.Post, "/_sandbox/role-permissions", body);

        Assert.Equal(400, response.Status);
        if (field is not null)
        {
            Assert.StartsWith(field + " must be", response.Json.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal("[]", (await _client.PlainAsync(HttpMethod.Get, "/_sandbox/role-permissions")).Json.GetRawText());
    }

    [Fact]
    public async Task Reset_ForgetsDeclarations()
    {
        SandboxApi.Ok(await _client.AllowRoleAsync(Role, Pets));

        await _client.PlainAsync(HttpMethod.Post, "/_sandbox/reset");

        Assert.Equal("[]", (await _client.PlainAsync(HttpMethod.Get, "/_sandbox/role-permissions")).Json.GetRawText());
    }
}
