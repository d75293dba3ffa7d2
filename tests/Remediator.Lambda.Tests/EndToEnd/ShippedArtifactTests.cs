using System.Text.Json;
using Remediator.Core.Configuration;
using Remediator.Core.Ports;
using Remediator.Lambda.Handling;
using Remediator.Lambda.Runtime;
using Remediator.Lambda.Tests.TestSupport;
using Remediator.Sandbox.Faults;

namespace Remediator.Lambda.Tests.EndToEnd;

/// <summary>
/// The deployable artifact end to end: published as SAM builds it, started as its own process against
/// the Runtime API fake, talking SigV4 to an in-process sandbox through AWS_ENDPOINT_URL, fed the
/// subscription payload the sandbox delivered for a real failed request.
/// </summary>
[Collection(PublishedFunctionCollection.Name)]
public sealed class ShippedArtifactTests(PublishedFunction published) : IAsyncLifetime
{
    private SandboxWorld _world = null!;
    private RuntimeApiFake _runtime = null!;

    public async Task InitializeAsync()
    {
        _world = await SandboxWorld.StartAsync();
        _runtime = await RuntimeApiFake.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _runtime.DisposeAsync();
        await _world.DisposeAsync();
    }

    [Fact]
    public async Task PublishedFunction_DeliveredMissingPermissionPayload_AddsPermissionNotifiesLogsAndTheApiRecovers()
    {
        (string apiId, string payload) = await _world.SeedOutageAsync();
        await using FunctionProcess function = FunctionProcess.Start(published.EntryAssembly, Variables());
        FakeInvocation invocation = _runtime.Enqueue(payload);

        RuntimeApiResult result = await _runtime.WaitForResultAsync(invocation.RequestId, TimeSpan.FromSeconds(60));

        Assert.False(result.IsError, result.BodyText + string.Join('\n', function.StderrLines));
        InvocationSummary summary = RemediationHandler.ParseResponse(result.Body);
        Assert.Equal(invocation.RequestId, summary.RequestId);
        OutcomeSummary outcome = Assert.Single(summary.Outcomes);
        Assert.Equal(("Fixed", "MissingInvokePermission", apiId), (outcome.Outcome, outcome.Kind, outcome.ApiId));

        JsonElement statement = Assert.Single(_world.PolicyStatements(SandboxWorld.FunctionName));
        Assert.Equal(outcome.StatementId, statement.GetProperty("Sid").GetString());
        Assert.Equal("apigateway.amazonaws.com", statement.GetProperty("Principal").GetProperty("Service").GetString());
        Assert.Equal("lambda:InvokeFunction", statement.GetProperty("Action").GetString());
        Assert.Equal(
            $"arn:aws:execute-api:{SandboxWorld.Region}:{SandboxWorld.Account}:{apiId}/{SandboxWorld.Stage}/GET/pets/*",
            statement.GetProperty("Condition").GetProperty("ArnLike").GetProperty("AWS:SourceArn").GetString());

        JsonElement message = Assert.Single(_world.SnsMessages());
        Assert.Equal(SandboxWorld.TopicArn, message.GetProperty("topicArn").GetString());
        Assert.Contains(apiId, message.GetProperty("messages").GetProperty("default").GetString(), StringComparison.Ordinal);
        Assert.Contains(SandboxWorld.FunctionName, message.GetProperty("subject").GetString(), StringComparison.Ordinal);

        Assert.Equal(0, await function.StopAsync());
        JsonElement outcomeLine = Assert.Single(LogLines.Outcomes(function.StdoutLines));
        Assert.Equal("fixed", outcomeLine.GetProperty("outcome").GetString());
        Assert.Equal(invocation.RequestId, outcomeLine.GetProperty("requestId").GetString());
        Assert.Equal(outcome.StatementId, outcomeLine.GetProperty("statementId").GetString());
        Assert.Equal(1, LogLines.MetricTotal(function.StdoutLines, "Fixed"));
        Assert.Equal(1, LogLines.MetricTotal(function.StdoutLines, "FindingsSeen"));

        (int status, _) = await _world.CallAsync(apiId, "/pets/42");
        Assert.Equal(200, status);
    }

    [Fact]
    public async Task PublishedFunction_AddPermissionThrottledBeyondRetries_FailsTheInvocationAndTheRetryFixes()
    {
        (string apiId, string payload) = await _world.SeedOutageAsync();
        await using FunctionProcess function = FunctionProcess.Start(published.EntryAssembly, Variables());
        _world.Sandbox.Faults.Add(new FaultRule("lambda", "AddPermission", FaultKind.Throttle, Count: 100));

        RuntimeApiResult failed = await _runtime.WaitForResultAsync(_runtime.Enqueue(payload).RequestId, TimeSpan.FromSeconds(60));

        Assert.True(failed.IsError);
        Assert.Equal(nameof(AwsServiceException), failed.ErrorTypeHeader);
        Assert.Empty(_world.PolicyStatements(SandboxWorld.FunctionName));

        _world.Sandbox.Faults.Clear();
        RuntimeApiResult retried = await _runtime.WaitForResultAsync(_runtime.Enqueue(payload).RequestId, TimeSpan.FromSeconds(60));

        Assert.False(retried.IsError, retried.BodyText);
        Assert.Equal(1, RemediationHandler.ParseResponse(retried.Body).Counts["Fixed"]);
        Assert.Single(_world.PolicyStatements(SandboxWorld.FunctionName));
        Assert.Equal(200, (await _world.CallAsync(apiId, "/pets/42")).Status);
    }

    /// <summary>What Lambda and the template set, with the sandbox as AWS.</summary>
    private Dictionary<string, string> Variables() => _world.FunctionVariables(_runtime.Address, settleSeconds: 1);
}
