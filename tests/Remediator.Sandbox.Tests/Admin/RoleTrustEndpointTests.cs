using Remediator.Sandbox.Tests.TestSupport;

namespace Remediator.Sandbox.Tests.Admin;

/// <summary><c>/_sandbox/role-trust</c>: declaring which services an IAM role's trust policy names (the latest declaration wins).</summary>
public sealed class RoleTrustEndpointTests : IAsyncLifetime
{
    private const string Role = "arn:aws:iam::000000000000:role/apigw-invoke";

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
    public async Task Post_Declaration_ReplacesTheRolesEarlierOneAndShowsInTheState()
    {
        var first = await _client.SetRoleTrustAsync(Role, "lambda.amazonaws.com");
        var second = await _client.SetRoleTrustAsync(Role, "lambda.amazonaws.com", "apigateway.amazonaws.com");

        var listed = (await _client.PlainAsync(HttpMethod.Get, "/_sandbox/role-trust")).Json;
        var state = (await _client.PlainAsync(HttpMethod.Get, "/_sandbox/state")).Json.GetProperty("roleTrusts");
        Assert.Equal((201, 201), (first.Status, second.Status));
        Assert.Equal($$"""[{"roleArn":"{{Role}}","trustedServices":["lambda.amazonaws.com","apigateway.amazonaws.com"]}]""", listed.GetRawText());
        Assert.Equal(listed.GetRawText(), state.GetRawText());
    }

    [Theory]
    [InlineData("""{"trustedServices":["lambda.amazonaws.com"]}""", "roleArn")]
    [InlineData("""{"roleArn":"arn:aws:iam::000000000000:role/r"}""", "trustedServices")]
    [InlineData("""{"roleArn":"arn:aws:iam::000000000000:role/r","trustedServices":["*"]}""", "trustedServices")]
    [InlineData("""not json""", null)]
    public async Task Post_BadDeclaration_Returns400AndStoresNothing(string body, string? field)
    {
        var response = await _client.PlainAsync(HttpMethod.Post, "/_sandbox/role-trust", body);

        Assert.Equal(400, response.Status);
        if (field is not null)
        {
            Assert.StartsWith(field + " must", response.Json.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal("[]", (await _client.PlainAsync(HttpMethod.Get, "/_sandbox/role-trust")).Json.GetRawText());
    }
}
