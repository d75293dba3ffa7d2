using System.Collections.Concurrent;
using Remediator.Core.Intake;
using Remediator.Sandbox.Tests.TestSupport;

namespace Remediator.Sandbox.Tests.DataPlane;

/// <summary>Log events delivered as CloudWatch Logs subscription payloads, readable by Remediator's own decoder.</summary>
public sealed class LogSubscriptionTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private readonly SignedClient _client = sandbox.Client;

    [Fact]
    public async Task SubscribeToLogs_DataPlaneFailure_DeliversDecodablePayloadBeforeResponse()
    {
        var payloads = new ConcurrentQueue<string>();
        using var subscription = sandbox.Server.SubscribeToLogs((payload, _) =>
        {
            payloads.Enqueue(payload);
            return Task.CompletedTask;
        }, filterPattern: "\"Execution failed\"", filterName: "remediator");
        await _client.CreateFunctionAsync("sub-fn");
        var (apiId, _) = await _client.CreatePetsApiAsync(SandboxApi.LambdaUri(SandboxApi.FunctionArn("sub-fn")));
        await _client.PatchStageAsync(apiId, "prod", ("replace", "/*/*/logging/loglevel", "INFO"));

        var response = await _client.PlainAsync(HttpMethod.Get, $"/restapis/{apiId}/prod/_user_request_/pets/3");

        var decoded = SubscriptionPayloadDecoder.Decode(Assert.Single(payloads));
        Assert.True(decoded.IsSuccess, decoded.Error?.ToString());
        var batch = decoded.Batch!;
        Assert.Equal($"API-Gateway-Execution-Logs_{apiId}/prod", batch.LogGroup);
        Assert.Equal("000000000000", batch.Owner);
        Assert.Equal(["remediator"], batch.SubscriptionFilters);
        Assert.Equal($"({response.Header("x-amzn-RequestId")}) Execution failed due to configuration error: Invalid permissions on Lambda function", Assert.Single(batch.LogEvents).Message);
    }

    [Fact]
    public async Task SubscribeToLogs_FailingSubscriber_IsRecordedAndDoesNotFailTheCall()
    {
        using var subscription = sandbox.Server.SubscribeToLogs((_, _) => throw new InvalidOperationException("handler broke"), logGroupNamePrefix: "sub-failing");
        await _client.JsonAsync("logs", "Logs_20140328.CreateLogGroup", """{"logGroupName":"sub-failing"}""");
        await _client.JsonAsync("logs", "Logs_20140328.CreateLogStream", """{"logGroupName":"sub-failing","logStreamName":"s"}""");

        var response = await _client.JsonAsync("logs", "Logs_20140328.PutLogEvents", """{"logGroupName":"sub-failing","logStreamName":"s","logEvents":[{"timestamp":1,"message":"m"}]}""");

        Assert.Equal(200, response.Status);
        Assert.Contains("InvalidOperationException: handler broke", sandbox.Server.StateJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispose_Subscription_StopsDelivery()
    {
        var count = 0;
        var subscription = sandbox.Server.SubscribeToLogs((_, _) =>
        {
            Interlocked.Increment(ref count);
            return Task.CompletedTask;
        }, logGroupNamePrefix: "sub-disposed");
        subscription.Dispose();
        await _client.JsonAsync("logs", "Logs_20140328.CreateLogGroup", """{"logGroupName":"sub-disposed"}""");
        await _client.JsonAsync("logs", "Logs_20140328.CreateLogStream", """{"logGroupName":"sub-disposed","logStreamName":"s"}""");

        await _client.JsonAsync("logs", "Logs_20140328.PutLogEvents", """{"logGroupName":"sub-disposed","logStreamName":"s","logEvents":[{"timestamp":1,"message":"m"}]}""");

        Assert.Equal(0, count);
    }
}
