using System.Text.Json;
using Remediator.Aws.Logs;
using Remediator.Aws.Tests.Signing;
using Remediator.Aws.Tests.TestSupport;
using Remediator.Core.Ports;

namespace Remediator.Aws.Tests.Logs;

public sealed class CloudWatchLogsClientTests
{
    private const string Group = "API-Gateway-Execution-Logs_a1b2c3d4e5/prod";

    [Fact]
    public async Task FilterLogEventsAsync_TwoPages_FollowsNextTokenAndSendsQuery()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(200, Fixture.Text("Logs", "filter-page-1.json")))
            .Enqueue(CannedResponse.Json(200, Fixture.Text("Logs", "filter-page-2.json")));
        var query = new LogEventQuery(Group, ["e4da3b7fbbce2345d7772b0674a318d5"], "\"c0ffee00-1111-4222-8333-444455556666\"", 1714557000000, 1714558000000);

        var result = await Client(server).FilterLogEventsAsync(query, CancellationToken.None);

        Assert.False(result.Truncated);
        Assert.Equal(3, result.Events.Count);
        Assert.EndsWith("Invalid permissions on Lambda function", result.Events[2].Message, StringComparison.Ordinal);
        Assert.Equal(1714557600000, result.Events[0].Timestamp);
        var first = server.Requests[0];
        Assert.Equal(("POST", "/"), (first.Method, first.RawTarget));
        Assert.Equal("Logs_20140328.FilterLogEvents", first.Header("X-Amz-Target"));
        Assert.Equal("application/x-amz-json-1.1", first.Header("Content-Type"));
        var body = JsonDocument.Parse(first.BodyText).RootElement;
        Assert.Equal(Group, body.GetProperty("logGroupName").GetString());
        Assert.Equal("e4da3b7fbbce2345d7772b0674a318d5", body.GetProperty("logStreamNames")[0].GetString());
        Assert.Equal("\"c0ffee00-1111-4222-8333-444455556666\"", body.GetProperty("filterPattern").GetString());
        Assert.Equal(1714557000000, body.GetProperty("startTime").GetInt64());
        Assert.Equal(1000, body.GetProperty("limit").GetInt32());
        Assert.False(body.TryGetProperty("nextToken", out _));
        Assert.Equal("Bxkq6kVGFtq2y_MoigeqscPOdhXVbhiVtLoAmXb5jCrI7fXdFA", JsonDocument.Parse(server.Requests[1].BodyText).RootElement.GetProperty("nextToken").GetString());
        Assert.All(server.Requests, r => AwsRequestSignerTests.AssertVerifies(r, TestAws.Credentials));
    }

    [Fact]
    public async Task FilterLogEventsAsync_MaxEventsReached_StopsAndFlagsTruncated()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(200, Fixture.Text("Logs", "filter-page-1.json")));

        var result = await Client(server).FilterLogEventsAsync(new LogEventQuery(Group, MaxEvents: 2), CancellationToken.None);

        Assert.True(result.Truncated);
        Assert.Equal(2, result.Events.Count);
        Assert.Single(server.Requests);
        Assert.Equal(2, JsonDocument.Parse(server.Requests[0].BodyText).RootElement.GetProperty("limit").GetInt32());
    }

    [Fact]
    public async Task FilterLogEventsAsync_MaxPagesReached_StopsAndFlagsTruncated()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(200, Fixture.Text("Logs", "filter-page-1.json")));

        var result = await Client(server).FilterLogEventsAsync(new LogEventQuery(Group, MaxPages: 1), CancellationToken.None);

        Assert.True(result.Truncated);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task FilterLogEventsAsync_MissingGroup_ThrowsResourceNotFound()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(400, "{\"__type\":\"com.amazonaws.logs#ResourceNotFoundException\",\"message\":\"The specified log group does not exist.\"}", ("x-amzn-RequestId", "r-1")));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Client(server).FilterLogEventsAsync(new LogEventQuery(Group), CancellationToken.None));

        Assert.Equal((AwsErrorCodes.ResourceNotFound, 400, "logs", "FilterLogEvents"), (error.ErrorCode, error.StatusCode, error.Service, error.Operation));
    }

    [Fact]
    public async Task FilterLogEventsAsync_ThrottledThenPage_Retries()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(400, "{\"__type\":\"com.amazonaws.coral.availability#ThrottlingException\",\"message\":\"Rate exceeded\"}"))
            .Enqueue(CannedResponse.Json(200, Fixture.Text("Logs", "filter-page-2.json")));

        var result = await Client(server).FilterLogEventsAsync(new LogEventQuery(Group), CancellationToken.None);

        Assert.Single(result.Events);
        Assert.Equal(2, server.Requests.Count);
    }

    private static CloudWatchLogsClient Client(LoopbackServer server) => new(new TestAws().Client(server));
}
