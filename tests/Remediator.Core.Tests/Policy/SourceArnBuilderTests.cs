using Remediator.Core.Policy;

namespace Remediator.Core.Tests.Policy;

public class SourceArnBuilderTests
{
    private static readonly ApiTarget Api = new("us-east-1", "111122223333", "a1b2c3d4e5");
    private const string Prefix = "arn:aws:execute-api:us-east-1:111122223333:a1b2c3d4e5/";

    [Theory]
    [InlineData(null, "GET", "/pets", "*/GET/pets")]
    [InlineData("prod", "GET", "/pets", "prod/GET/pets")]
    [InlineData(null, "get", "/pets", "*/GET/pets")]
    [InlineData(null, "GET", "/", "*/GET/")]
    [InlineData(null, "GET", "/pets/{petId}", "*/GET/pets/*")]
    [InlineData(null, "POST", "/users/{userId}/orders/{orderId}", "*/POST/users/*/orders/*")]
    [InlineData(null, "ANY", "/{proxy+}", "*/*/*")]
    [InlineData(null, "any", "/api/{proxy+}", "*/*/api/*")]
    [InlineData("v1-beta_2", "DELETE", "/a.b/c-d/e_f/~x", "v1-beta_2/DELETE/a.b/c-d/e_f/~x")]
    public void ForRestMethod_ResolvedMethod_BuildsLeastPrivilegePattern(string? stage, string method, string path, string expected)
    {
        var result = SourceArnBuilder.ForRestMethod(Api, stage, method, path);

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal(Prefix + expected, result.Value);
    }

    [Theory]
    [InlineData(null, "GET /items", "*/GET/items")]
    [InlineData("$default", "GET /items", "$default/GET/items")]
    [InlineData(null, "GET /items/{id}", "*/GET/items/*")]
    [InlineData(null, "ANY /items", "*/*/items")]
    [InlineData(null, "GET /{proxy+}", "*/GET/*")]
    [InlineData(null, "GET /", "*/GET/")]
    // The HTTP API console's form for the $default route (SAM's "*/*/$default" did not authorize).
    [InlineData(null, "$default", "*/$default")]
    [InlineData("prod", "$default", "prod/$default")]
    [InlineData(null, "$connect", "*/$connect")]
    [InlineData(null, "$disconnect", "*/$disconnect")]
    [InlineData("production", "sendMessage", "production/sendMessage")]
    public void ForRoute_RouteKey_BuildsRouteForm(string? stage, string routeKey, string expected)
    {
        var result = SourceArnBuilder.ForRoute(Api, stage, routeKey);

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal(Prefix + expected, result.Value);
    }

    [Fact]
    public void ForAuthorizer_AuthorizerId_BuildsAuthorizersForm()
    {
        var result = SourceArnBuilder.ForAuthorizer(Api, "au7h0r");

        Assert.Equal(Prefix + "authorizers/au7h0r", result.Value);
    }

    [Theory]
    [InlineData("us-east-1", "arn:aws:execute-api:us-east-1:")]
    [InlineData("cn-north-1", "arn:aws-cn:execute-api:cn-north-1:")]
    [InlineData("cn-northwest-1", "arn:aws-cn:execute-api:cn-northwest-1:")]
    [InlineData("us-gov-west-1", "arn:aws-us-gov:execute-api:us-gov-west-1:")]
    [InlineData("eu-central-2", "arn:aws:execute-api:eu-central-2:")]
    public void ForAuthorizer_Region_ChoosesPartition(string region, string expectedStart)
    {
        var result = SourceArnBuilder.ForAuthorizer(Api with { Region = region }, "au7h0r");

        Assert.StartsWith(expectedStart, result.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("prod", "GET", "/pets/42", "prod/GET/pets/42")]
    [InlineData("prod", "get", "/", "prod/GET/")]
    [InlineData("prod", "POST", "/a/b/c", "prod/POST/a/b/c")]
    public void ForRestRequest_ConcreteRequest_KeepsPathLiterally(string stage, string method, string path, string expected) =>
        Assert.Equal(Prefix + expected, SourceArnBuilder.ForRestRequest(Api, stage, method, path).Value);

    [Theory]
    [InlineData("$default", "$default", "$default/$default")]
    [InlineData("prod", "GET /items/{id}", "prod/GET/items/{id}")]
    [InlineData("production", "$connect", "production/$connect")]
    public void ForRouteRequest_ConcreteRequest_KeepsRouteLiterally(string stage, string routeKey, string expected) =>
        Assert.Equal(Prefix + expected, SourceArnBuilder.ForRouteRequest(Api, stage, routeKey).Value);

    public static TheoryData<ApiTarget, string?, string, string, string> RefusedRestInputs => new()
    {
        { Api with { ApiId = "*" }, null, "GET", "/pets", "API id" },
        { Api with { ApiId = "a1b2*" }, null, "GET", "/pets", "API id" },
        { Api with { ApiId = "a1b2?3" }, null, "GET", "/pets", "API id" },
        { Api with { ApiId = "" }, null, "GET", "/pets", "API id" },
        { Api with { ApiId = "a1/b2" }, null, "GET", "/pets", "API id" },
        { Api with { AccountId = "*" }, null, "GET", "/pets", "account" },
        { Api with { AccountId = "11112222333" }, null, "GET", "/pets", "account" },
        { Api with { Region = "*" }, null, "GET", "/pets", "region" },
        { Api with { Region = "us-east-*" }, null, "GET", "/pets", "region" },
        { Api, "*", "GET", "/pets", "stage" },
        { Api, "pr od", "GET", "/pets", "stage" },
        { Api, null, "*", "/pets", "method" },
        { Api, null, "GET /x", "/pets", "method" },
        { Api, null, "GET", "pets", "start with /" },
        { Api, null, "GET", "/pets/*", "invalid segment" },
        { Api, null, "GET", "/pe?s", "invalid segment" },
        { Api, null, "GET", "/pets//x", "invalid segment" },
        { Api, null, "GET", "/pets/", "invalid segment" },
        { Api, null, "GET", "/pets/{id", "invalid segment" },
        { Api, null, "GET", "/pets/a b", "invalid segment" },
    };

    [Theory]
    [MemberData(nameof(RefusedRestInputs))]
    public void ForRestMethod_UnsafeOrInvalidInput_IsRefusedAsAValue(ApiTarget api, string? stage, string method, string path, string expectedFragment)
    {
        var result = SourceArnBuilder.ForRestMethod(api, stage, method, path);

        Assert.False(result.IsSuccess);
        Assert.Contains(expectedFragment, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("GET /items/*")]
    [InlineData("GET items")]
    [InlineData("send message")]
    [InlineData("a/b")]
    [InlineData("")]
    [InlineData("$conn*")]
    public void ForRoute_UnsafeRouteKey_IsRefused(string routeKey) =>
        Assert.False(SourceArnBuilder.ForRoute(Api, null, routeKey).IsSuccess);

    [Theory]
    [InlineData("*")]
    [InlineData("au7*")]
    [InlineData("")]
    public void ForAuthorizer_WildcardId_IsRefused(string authorizerId) =>
        Assert.False(SourceArnBuilder.ForAuthorizer(Api, authorizerId).IsSuccess);

    [Theory]
    [InlineData("us-east-1", "aws")]
    [InlineData("cn-north-1", "aws-cn")]
    [InlineData("us-gov-east-1", "aws-us-gov")]
    [InlineData("us-iso-east-1", "aws-iso")]
    [InlineData("us-isob-east-1", "aws-iso-b")]
    [InlineData("ap-southeast-4", "aws")]
    public void FromRegion_Region_IsItsPartition(string region, string partition) =>
        Assert.Equal(partition, AwsPartition.FromRegion(region));
}
