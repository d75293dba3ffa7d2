using System.Text.Json;
using Remediator.Sandbox.Tests.TestSupport;

namespace Remediator.Sandbox.Tests.Acceptance;

/// <summary>
/// The acceptance test: the CLI-seeded stage-variable scenario called through the data plane (500 and its
/// log lines, read with <c>aws logs filter-log-events</c>), fixed with <c>aws lambda add-permission</c>, then 200.
/// </summary>
public sealed class AwsCliAcceptanceTests(AwsCliScenario scenario) : IClassFixture<AwsCliScenario>
{
    [Fact]
    public async Task AwsCli_StageVariableRestApi_Fails500UntilAddPermissionThenSucceeds()
    {
        var cli = scenario.Cli;
        var path = $"/restapis/{scenario.ApiId}/prod/_user_request_/orders/17";

        var broken = await scenario.Client.PlainAsync(HttpMethod.Get, path);

        Assert.Equal(500, broken.Status);
        Assert.Equal("""{"message": "Internal server error"}""", broken.Body);
        var requestId = broken.Header("x-amzn-RequestId")!;
        var logs = (await cli.RunAsync("logs", "filter-log-events", "--log-group-name", $"API-Gateway-Execution-Logs_{scenario.ApiId}/prod", "--filter-pattern", $"\"({requestId})\""))!.Value;
        var lines = logs.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("message").GetString()!).ToList();
        Assert.Contains($"({requestId}) Endpoint request URI: https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/{scenario.FunctionArn}:live/invocations", lines);
        Assert.Equal($"({requestId}) Execution failed due to configuration error: Invalid permissions on Lambda function", lines[^2]);
        Assert.Equal($"({requestId}) Method completed with status: 500", lines[^1]);

        var added = (await cli.RunAsync("lambda", "add-permission", "--function-name", "orders", "--qualifier", "live", "--statement-id", "apigateway-orders-get",
            "--action", "lambda:InvokeFunction", "--principal", "apigateway.amazonaws.com", "--source-arn", $"arn:aws:execute-api:us-east-1:000000000000:{scenario.ApiId}/*/GET/orders/*"))!.Value;
        var healed = await scenario.Client.PlainAsync(HttpMethod.Get, path);

        Assert.Contains("\"Sid\":\"apigateway-orders-get\"", added.GetProperty("Statement").GetString(), StringComparison.Ordinal);
        Assert.Equal(200, healed.Status);
        Assert.Equal(scenario.FunctionArn + ":live", healed.Json.GetProperty("functionArn").GetString());
    }

    [Fact]
    public async Task AwsCli_ErrorsAndPagination_SurfaceAwsCodesAndFollowTokens()
    {
        var missing = await scenario.Cli.FailAsync("lambda", "get-policy", "--function-name", "does-not-exist");
        var resources = (await scenario.Cli.RunAsync("apigateway", "get-resources", "--rest-api-id", scenario.ApiId, "--embed", "methods", "--page-size", "1"))!.Value;

        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("(ResourceNotFoundException)", missing.Stderr, StringComparison.Ordinal);
        Assert.Equal(["/", "/orders", "/orders/{id}"], resources.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("path").GetString()));
        Assert.Equal(JsonValueKind.Object, resources.GetProperty("items")[2].GetProperty("resourceMethods").GetProperty("GET").GetProperty("methodIntegration").ValueKind);
    }

    [Fact]
    public async Task AwsCli_GetExport_WritesTheDeployedDefinitionWithBothExtensions()
    {
        var file = Path.GetTempFileName();
        try
        {
            var answer = (await scenario.Cli.RunAsync("apigateway", "get-export", "--rest-api-id", scenario.ApiId, "--stage-name", "prod", "--export-type", "oas30",
                "--accepts", "application/json", "--parameters", """{"extensions":"integrations,authorizers"}""", file))!.Value;
            using var export = JsonDocument.Parse(await File.ReadAllTextAsync(file));

            Assert.StartsWith("application/json", answer.GetProperty("contentType").GetString(), StringComparison.Ordinal);
            var integration = export.RootElement.GetProperty("paths").GetProperty("/orders/{id}").GetProperty("get").GetProperty("x-amazon-apigateway-integration");
            Assert.Equal(("aws_proxy", scenario.IntegrationUri), (integration.GetProperty("type").GetString(), integration.GetProperty("uri").GetString()));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task AwsCli_OpsCenter_CreatesDeduplicatesGetsFindsAndResolves()
    {
        var data = """{"/aws/dedup":{"Value":"{\"dedupString\":\"cli-root-cause\"}","Type":"SearchableString"},"remediator:rootCauseKey":{"Value":"cli-root-cause","Type":"SearchableString"}}""";
        string[] create = ["ssm", "create-ops-item", "--title", "API Gateway may not invoke orders", "--description", "facts", "--source", "Remediator", "--operational-data", data];

        var created = (await scenario.Cli.RunAsync(create))!.Value;
        var duplicate = await scenario.Cli.FailAsync(create);
        string id = created.GetProperty("OpsItemId").GetString()!;
        string pair = JsonSerializer.Serialize(new { key = "remediator:rootCauseKey", value = "cli-root-cause" });
        var found = (await scenario.Cli.RunAsync("ssm", "describe-ops-items", "--ops-item-filters",
            JsonSerializer.Serialize(new[] { new { Key = "OperationalData", Values = new[] { pair }, Operator = "Equal" } })))!.Value;
        await scenario.Cli.RunAsync("ssm", "update-ops-item", "--ops-item-id", id, "--status", "Resolved");
        var item = (await scenario.Cli.RunAsync("ssm", "get-ops-item", "--ops-item-id", id))!.Value;

        Assert.Contains("(OpsItemAlreadyExistsException)", duplicate.Stderr, StringComparison.Ordinal);
        Assert.Equal(id, Assert.Single(found.GetProperty("OpsItemSummaries").EnumerateArray()).GetProperty("OpsItemId").GetString());
        Assert.Equal("Resolved", item.GetProperty("OpsItem").GetProperty("Status").GetString());
    }
}
