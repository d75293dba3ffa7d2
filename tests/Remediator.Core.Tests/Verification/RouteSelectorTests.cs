using Remediator.Core.Ports;
using Remediator.Core.Verification;

namespace Remediator.Core.Tests.Verification;

public class RouteSelectorTests
{
    private static readonly ApiRoute[] Http = Routes("GET /items", "ANY /items", "GET /items/{id}", "GET /items/special", "ANY /files/{proxy+}", "POST /items/{id}/tags", "$default");

    [Theory]
    [InlineData("GET", "/items", "GET /items")]
    [InlineData("DELETE", "/items", "ANY /items")]
    [InlineData("GET", "/items/7", "GET /items/{id}")]
    [InlineData("GET", "/items/special", "GET /items/special")]
    [InlineData("PUT", "/items/7", "$default")]
    [InlineData("GET", "/files/a/b/c", "ANY /files/{proxy+}")]
    [InlineData("POST", "/items/7/tags", "POST /items/{id}/tags")]
    [InlineData("GET", "/nowhere", "$default")]
    public void SelectHttp_Table(string method, string path, string expected) =>
        Assert.Equal(expected, RouteSelector.SelectHttp(Http, method, path)!.RouteKey);

    [Fact]
    public void SelectHttp_NoMatchAndNoDefault_ReturnsNull() =>
        Assert.Null(RouteSelector.SelectHttp(Routes("GET /items"), "GET", "/other"));

    [Theory]
    [InlineData("$connect", "$connect")]
    [InlineData("sendMessage", "sendMessage")]
    [InlineData("unknownAction", "$default")]
    public void SelectWebSocket_Table(string routeKey, string expected) =>
        Assert.Equal(expected, RouteSelector.SelectWebSocket(Routes("$connect", "$disconnect", "sendMessage", "$default"), routeKey)!.RouteKey);

    [Fact]
    public void ByKey_IsCaseSensitive() => Assert.Null(RouteSelector.ByKey(Routes("GET /Items"), "GET /items"));

    private static ApiRoute[] Routes(params string[] keys) =>
        keys.Select((key, i) => new ApiRoute($"r{i}", key, $"integrations/i{i}", "NONE", null)).ToArray();
}
