using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using Remediator.Cli.Commands;
using Remediator.Cli.Tests.TestSupport;

namespace Remediator.Cli.Tests.Commands;

/// <summary>
/// <c>remediator redrive</c> in-process against the sandbox's SQS and the demo's outage, end to end over real HTTP:
/// the official AWSSDK.SQS client sends Lambda's on-failure records, the command replays and deletes them.
/// </summary>
public sealed class RedriveCommandTests : IAsyncLifetime
{
    private const string RequestId = "8ea123e4-1db7-4aca-ad10-d9ca1234c1fd";

    private OperatorWorld world = null!;
    private AmazonSQSClient sqs = null!;
    private string queueUrl = null!;

    public async Task InitializeAsync()
    {
        world = await OperatorWorld.StartAsync();
        sqs = new AmazonSQSClient(
            new BasicAWSCredentials("test", "test"),
            new AmazonSQSConfig { ServiceURL = world.Demo.Endpoint, AuthenticationRegion = world.Region });
        queueUrl = (await sqs.CreateQueueAsync("remediator-dead-letters")).QueueUrl;
    }

    public async Task DisposeAsync()
    {
        sqs.Dispose();
        await world.DisposeAsync();
    }

    [Fact]
    public async Task Redrive_OnFailureRecordBesideJunk_ReplaysFixesAndDeletesOnlyWhatSucceeded()
    {
        string payload = await File.ReadAllTextAsync(await world.FailingPayloadFileAsync());
        await sqs.SendMessageAsync(queueUrl, OnFailureRecord(payload));
        await sqs.SendMessageAsync(queueUrl, """{"hello":"not an invocation record"}""");

        CliRun run = world.Run(RedriveCommand.Create, "redrive", "--queue-url", queueUrl, "--mode", "enforce", "--output", "json");

        Assert.True(run.ExitCode == ExitCodes.ActionNeeded, run.Output + run.Error);
        JsonElement[] lines = [.. run.OutputLines.Select(line => JsonDocument.Parse(line).RootElement)];
        Assert.Equal(["Replayed", "Unusable"], lines.Select(line => line.GetProperty("status").GetString()));
        Assert.Equal(RequestId, lines[0].GetProperty("requestId").GetString());
        Assert.Equal("Fixed(PermissionMissing)", Assert.Single(lines[0].GetProperty("outcomes").EnumerateArray()).GetString());
        Assert.Single(await world.StatementIdsAsync());
        Assert.Equal(200, (await world.Demo.CallApiAsync(world.ApiId, CancellationToken.None)).Status);

        // The replayed record is gone; the junk stays for a person (and is hidden for the redrive's visibility timeout).
        Assert.Equal(["""{"hello":"not an invocation record"}"""], QueuedBodies());
        Assert.Equal(1, world.Requests("sqs", "DeleteMessage"));
    }

    [Fact]
    public async Task Redrive_DryRun_DecodesTheRecordsAndChangesNothing()
    {
        string payload = await File.ReadAllTextAsync(await world.FailingPayloadFileAsync());
        await sqs.SendMessageAsync(queueUrl, OnFailureRecord(payload));

        CliRun run = world.Run(RedriveCommand.Create, "redrive", "--queue-url", queueUrl, "--dry-run", "--mode", "enforce");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Output + run.Error);
        Assert.StartsWith("WouldReplay", run.OutputLines[0], StringComparison.Ordinal);
        Assert.Contains("1 finding(s)", run.OutputLines[0], StringComparison.Ordinal);
        Assert.Empty(await world.StatementIdsAsync());
        Assert.Equal(0, world.Requests("sqs", "DeleteMessage"));
        Assert.Single(QueuedBodies());
    }

    [Fact]
    public async Task Redrive_EmptyQueue_SucceedsWithNothingToDo()
    {
        CliRun run = world.Run(RedriveCommand.Create, "redrive", "--queue-url", queueUrl);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Output + run.Error);
        Assert.Equal("0 message(s) in observe mode: 0 replayed and deleted, 0 left in the queue.", Assert.Single(run.OutputLines));
    }

    [Theory]
    [InlineData(new string[0], "--queue-url")]
    [InlineData(new[] { "--queue-url", "not a url" }, "is not a queue URL")]
    [InlineData(new[] { "--queue-url", "https://sqs.us-east-1.amazonaws.com/1/q", "--max-messages", "0" }, "--max-messages")]
    [InlineData(new[] { "--queue-url", "https://sqs.us-east-1.amazonaws.com/1/q", "--mode", "fix" }, "--mode")]
    public void Redrive_BadArguments_AreBadInput(string[] args, string problem)
    {
        CliRun run = world.Run(RedriveCommand.Create, ["redrive", .. args]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains(problem, run.Error, StringComparison.Ordinal);
    }

    /// <summary>The record Lambda sends to the on-failure destination after the last retry (AWS Lambda Developer Guide's example shape).</summary>
    private string OnFailureRecord(string payload) => new JsonObject
    {
        ["version"] = "1.0",
        ["timestamp"] = "2026-12-03T10:00:00.000Z",
        ["requestContext"] = new JsonObject
        {
            ["requestId"] = RequestId,
            ["functionArn"] = $"arn:aws:lambda:{world.Region}:{world.AccountId}:function:remediator:$LATEST",
            ["condition"] = "RetriesExhausted",
            ["approximateInvokeCount"] = 3,
        },
        ["requestPayload"] = JsonNode.Parse(payload),
        ["responseContext"] = new JsonObject { ["statusCode"] = 200, ["executedVersion"] = "$LATEST", ["functionError"] = "Unhandled" },
        ["responsePayload"] = new JsonObject { ["errorMessage"] = "lambda AddPermission failed: TooManyRequestsException (HTTP 429)", ["errorType"] = "AwsServiceException" },
    }.ToJsonString();

    private string[] QueuedBodies()
    {
        using JsonDocument state = JsonDocument.Parse(world.Demo.Sandbox.StateJson());
        return [.. state.RootElement.GetProperty("queues").GetProperty("remediator-dead-letters").GetProperty("messages").EnumerateArray()
            .Select(message => message.GetProperty("body").GetString()!)];
    }
}
