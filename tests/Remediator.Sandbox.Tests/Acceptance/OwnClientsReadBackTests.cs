using Remediator.Aws.Composition;
using Remediator.Core.Ports;
using Remediator.Sandbox.Tests.TestSupport;

namespace Remediator.Sandbox.Tests.Acceptance;

/// <summary>The CLI-seeded scenario read back through Remediator's own wire clients (what the engine verifies with).</summary>
public sealed class OwnClientsReadBackTests(AwsCliScenario scenario) : IClassFixture<AwsCliScenario>, IDisposable
{
    private readonly AwsClients _aws = SandboxApi.OwnClients(scenario.Server.BaseUrl);

    [Fact]
    public async Task ApiGatewayClient_CliSeededApi_ReadsStageVariablesAndTheDeployedIntegration()
    {
        var stage = await _aws.ApiGateway.GetStageAsync(scenario.ApiId, "prod", CancellationToken.None);
        var deployed = await _aws.ApiGateway.GetStageDeploymentAsync(scenario.ApiId, "prod", CancellationToken.None);
        var missingStage = await _aws.ApiGateway.GetStageAsync(scenario.ApiId, "beta", CancellationToken.None);
        var missingExport = await _aws.ApiGateway.GetStageDeploymentAsync(scenario.ApiId, "beta", CancellationToken.None);

        Assert.Equal("live", stage!.Variables["alias"]);
        Assert.True(deployed!.IsSuccess, deployed.Error);
        var integration = deployed.Value.Methods.Single(m => m.Path == "/orders/{id}" && m.HttpMethod == "GET").Integration;
        Assert.Equal("AWS_PROXY", integration!.Type);
        Assert.Equal(scenario.IntegrationUri, integration.Uri);
        Assert.Null(missingStage);
        Assert.Null(missingExport);
    }

    [Fact]
    public async Task LambdaClient_CliSeededFunction_ReadsAliasAndGrantsWithRevisionCondition()
    {
        var alias = await _aws.Lambda.GetAliasAsync("orders", "live", CancellationToken.None);
        var first = await _aws.Lambda.AddPermissionAsync(
            new AddPermissionRequest("orders", "own-client-0", "lambda:InvokeFunction", "apigateway.amazonaws.com", null, null, null, null),
            CancellationToken.None);
        var read = await _aws.Lambda.GetPolicyAsync("orders", null, CancellationToken.None);
        var statement = await _aws.Lambda.AddPermissionAsync(
            new AddPermissionRequest("orders", "own-client", "lambda:InvokeFunction", "apigateway.amazonaws.com", $"arn:aws:execute-api:us-east-1:000000000000:{scenario.ApiId}/*/POST/orders", "000000000000", null, read!.RevisionId),
            CancellationToken.None);
        var stale = await Assert.ThrowsAsync<AwsServiceException>(() => _aws.Lambda.AddPermissionAsync(
            new AddPermissionRequest("orders", "own-client-2", "lambda:InvokeFunction", "apigateway.amazonaws.com", null, null, null, read.RevisionId),
            CancellationToken.None));
        var policy = await _aws.Lambda.GetPolicyAsync("orders", null, CancellationToken.None);

        Assert.Equal("1", alias!.FunctionVersion);
        Assert.Contains("\"own-client-0\"", first, StringComparison.Ordinal);
        Assert.Contains("\"own-client\"", statement, StringComparison.Ordinal);
        Assert.Equal("PreconditionFailedException", stale.ErrorCode);
        Assert.Equal(412, stale.StatusCode);
        Assert.Contains("own-client", policy!.PolicyJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogsClient_DataPlaneCall_ReadsExecutionLogLinesByRequestId()
    {
        var response = await scenario.Client.PlainAsync(HttpMethod.Get, $"/restapis/{scenario.ApiId}/prod/_user_request_/orders/5");
        var requestId = response.Header("x-amzn-RequestId");

        var result = await _aws.Logs.FilterLogEventsAsync(new LogEventQuery($"API-Gateway-Execution-Logs_{scenario.ApiId}/prod", FilterPattern: $"\"({requestId})\""), CancellationToken.None);

        Assert.Equal($"({requestId}) HTTP Method: GET, Resource Path: /orders/5", result.Events[5].Message);
        Assert.False(result.Truncated);
    }

    public void Dispose() => _aws.Dispose();
}
