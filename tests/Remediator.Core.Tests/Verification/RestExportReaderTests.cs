using System.Text;
using Remediator.Core.Ports;
using Remediator.Core.Tests.Support;
using Remediator.Core.Verification;

namespace Remediator.Core.Tests.Verification;

/// <summary>Stage exports as API Gateway writes them (fixtures and their sources in <c>Fixtures/exports</c>), and what is refused.</summary>
public class RestExportReaderTests
{
    [Fact]
    public void Read_OpenApi3Export_GivesEveryMethodWithItsIntegrationAndAuthorizer()
    {
        RestDeployment deployment = Read(Fixtures.Bytes("exports/rest-stage-export.oas30.json"));

        Assert.Equal(
            ["ANY /{proxy+}", "GET /", "GET /admin", "GET /pets/{id}", "OPTIONS /pets", "POST /pets"],
            deployment.Methods.Select(m => $"{m.HttpMethod} {m.Path}").Order(StringComparer.Ordinal));
        DeployedMethod pet = deployment.Methods.Single(m => m.Path == "/pets/{id}");
        Assert.Equal(
            new RestIntegration(
                "AWS_PROXY",
                "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:111122223333:function:${stageVariables.petsFunction}/invocations",
                null,
                "POST"),
            pet.Integration);
        Assert.Equal("pets-token", pet.AuthorizerName);
        DeployedMethod any = deployment.Methods.Single(m => m.HttpMethod == "ANY");
        Assert.Equal(("AWS_PROXY", "arn:aws:iam::111122223333:role/apigateway-invoke"), (any.Integration!.Type, any.Integration.Credentials));
        Assert.Equal("AWS", deployment.Methods.Single(m => m.HttpMethod == "POST").Integration!.Type);
        Assert.Equal("pets-cognito", deployment.Methods.Single(m => m.HttpMethod == "POST").AuthorizerName);
        Assert.Null(deployment.Methods.Single(m => m.Path == "/admin").AuthorizerName);
        Assert.Equal("MOCK", deployment.Methods.Single(m => m.Path == "/").Integration!.Type);
    }

    [Fact]
    public void Read_OpenApi3Export_GivesTheAuthorizersByName()
    {
        RestDeployment deployment = Read(Fixtures.Bytes("exports/rest-stage-export.oas30.json"));

        Assert.Equal(["pets-cognito", "pets-token"], deployment.Authorizers.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(
            new DeployedAuthorizer(
                "pets-token",
                "TOKEN",
                "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:111122223333:function:token-authorizer/invocations",
                null),
            deployment.Authorizers["pets-token"]);
        Assert.Equal("COGNITO_USER_POOLS", deployment.Authorizers["pets-cognito"].Type);
    }

    [Fact]
    public void Read_Swagger2Export_ReadsSecurityDefinitions()
    {
        RestDeployment deployment = Read(Fixtures.Bytes("exports/rest-stage-export.swagger.json"));

        DeployedMethod method = Assert.Single(deployment.Methods);
        Assert.Equal(("GET", "/pets/{id}", "pets-request"), (method.HttpMethod, method.Path, method.AuthorizerName));
        DeployedAuthorizer authorizer = deployment.Authorizers["pets-request"];
        Assert.Equal(("REQUEST", "arn:aws:iam::111122223333:role/authorizer-invoke"), (authorizer.Type, authorizer.AuthorizerCredentials));
    }

    [Fact]
    public void Read_DocumentLevelSecurity_AppliesWhereAnOperationHasNone()
    {
        RestDeployment deployment = Read(Encoding.UTF8.GetBytes("""
            {"openapi":"3.0.1","security":[{"a":[]}],
             "paths":{"/x":{"get":{},"post":{"security":[]}}},
             "components":{"securitySchemes":{"a":{"type":"apiKey","x-amazon-apigateway-authorizer":{"type":"token","authorizerUri":"u"}}}}}
            """));

        Assert.Equal("a", deployment.Methods.Single(m => m.HttpMethod == "GET").AuthorizerName);
        Assert.Null(deployment.Methods.Single(m => m.HttpMethod == "POST").AuthorizerName);
    }

    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("[]", "not a JSON object")]
    [InlineData("""{"openapi":"2.9","paths":{}}""", "neither an OpenAPI 3 nor a Swagger 2")]
    [InlineData("""{"openapi":"3.0.1"}""", "no paths object")]
    [InlineData("""{"openapi":"3.0.1","paths":{"pets":{}}}""", "not a resource path")]
    [InlineData("""{"openapi":"3.0.1","paths":{"/p":{"get":{"x-amazon-apigateway-integration":{"uri":"u"}}}}}""", "has no type")]
    [InlineData("""{"openapi":"3.0.1","paths":{"/p":{"get":{"x-amazon-apigateway-integration":{"type":"aws_proxy","uri":7}}}}}""", "uri of an integration is not a string")]
    [InlineData("""{"openapi":"3.0.1","paths":{"/p":{"get":{"security":[{"ghost":[]}]}}}}""", "does not define")]
    [InlineData("""{"openapi":"3.0.1","paths":{"/p":{"get":{},"GET":{}}}}""", "defines GET /p twice")]
    [InlineData(
        """{"openapi":"3.0.1","paths":{"/p":{"get":{"security":[{"a":[],"b":[]}]}}},"components":{"securitySchemes":{"a":{"x-amazon-apigateway-authorizer":{"type":"token"}},"b":{"x-amazon-apigateway-authorizer":{"type":"request"}}}}}""",
        "names 2 authorizers")]
    [InlineData("""{"openapi":"3.0.1","paths":{},"components":{"securitySchemes":{"a":{"x-amazon-apigateway-authorizer":{"authorizerUri":"u"}}}}}""", "has no type")]
    public void Read_NotTheDocumentedShape_FailsWholeInsteadOfGivingPartOfTheStage(string json, string expected)
    {
        Result<RestDeployment, string> result = RestExportReader.Read(Encoding.UTF8.GetBytes(json));

        Assert.False(result.IsSuccess);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_LargerThanTheBound_FailsWithoutParsing()
    {
        byte[] json = new byte[RestExportReader.MaxBytes + 1];

        Result<RestDeployment, string> result = RestExportReader.Read(json);

        Assert.False(result.IsSuccess);
        Assert.Contains($"more than the {RestExportReader.MaxBytes}", result.Error, StringComparison.Ordinal);
    }

    private static RestDeployment Read(byte[] json)
    {
        Result<RestDeployment, string> result = RestExportReader.Read(json);
        Assert.True(result.IsSuccess, result.Error);
        return result.Value;
    }
}
