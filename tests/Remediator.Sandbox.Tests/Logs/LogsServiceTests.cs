using Remediator.Sandbox.Tests.TestSupport;

namespace Remediator.Sandbox.Tests.Logs;

/// <summary>CloudWatch Logs over JSON 1.1: groups, streams, events and FilterLogEvents patterns.</summary>
public sealed class LogsServiceTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private readonly SignedClient _client = sandbox.Client;

    public static TheoryData<string, string[]> Patterns => new()
    {
        { "", ["(r1) Starting execution for request: r1", "(r1) Execution failed due to configuration error: Invalid permissions on Lambda function", "(r2) Method completed with status: 200"] },
        { "\"Invalid permissions\"", ["(r1) Execution failed due to configuration error: Invalid permissions on Lambda function"] },
        { "\"(r1)\"", ["(r1) Starting execution for request: r1", "(r1) Execution failed due to configuration error: Invalid permissions on Lambda function"] },
        { "Execution failed", ["(r1) Execution failed due to configuration error: Invalid permissions on Lambda function"] },
        { "\"(r1)\" \"Starting execution\"", ["(r1) Starting execution for request: r1"] },
        { "?\"status: 200\" ?\"Invalid permissions\"", ["(r1) Execution failed due to configuration error: Invalid permissions on Lambda function", "(r2) Method completed with status: 200"] },
        { "\"no such text\"", [] },
    };

    [Theory]
    [MemberData(nameof(Patterns))]
    public async Task FilterLogEvents_Pattern_ReturnsMatchingEventsInTimeOrder(string pattern, string[] expected)
    {
        var group = await SeedAsync($"filter-{Math.Abs(pattern.GetHashCode(StringComparison.Ordinal))}");

        var messages = await _client.LogMessagesAsync(group, pattern);

        Assert.Equal(expected, messages);
    }

    [Fact]
    public async Task FilterLogEvents_TimeWindowAndLimit_PagesWithNextToken()
    {
        var group = await SeedAsync("filter-window");

        var first = await _client.JsonAsync("logs", "Logs_20140328.FilterLogEvents", $$"""{"logGroupName":"{{group}}","startTime":1001,"endTime":3000,"limit":1}""");
        var token = first.Json.GetProperty("nextToken").GetString();
        var second = await _client.JsonAsync("logs", "Logs_20140328.FilterLogEvents", $$"""{"logGroupName":"{{group}}","startTime":1001,"endTime":3000,"limit":1,"nextToken":"{{token}}"}""");

        Assert.Equal(2000, first.Json.GetProperty("events")[0].GetProperty("timestamp").GetInt64());
        Assert.Equal(3000, second.Json.GetProperty("events")[0].GetProperty("timestamp").GetInt64());
        Assert.False(second.Json.TryGetProperty("nextToken", out _));
        Assert.Equal("s1", first.Json.GetProperty("searchedLogStreams")[0].GetProperty("logStreamName").GetString());
    }

    [Fact]
    public async Task FilterLogEvents_UnknownGroup_Returns400ResourceNotFound()
    {
        var response = await _client.JsonAsync("logs", "Logs_20140328.FilterLogEvents", """{"logGroupName":"nope"}""");

        Assert.Equal(400, response.Status);
        Assert.Equal("ResourceNotFoundException", response.ErrorCode);
        Assert.Equal("The specified log group does not exist.", response.ErrorMessage);
    }

    [Fact]
    public async Task FilterLogEvents_GroupArnIdentifier_FindsGroup()
    {
        var group = await SeedAsync("filter-arn");

        var response = await _client.JsonAsync("logs", "Logs_20140328.FilterLogEvents", $$"""{"logGroupIdentifier":"arn:aws:logs:us-east-1:000000000000:log-group:{{group}}:*"}""");

        Assert.Equal(3, response.Json.GetProperty("events").GetArrayLength());
    }

    [Fact]
    public async Task CreateLogGroup_Existing_Returns400ResourceAlreadyExists()
    {
        await _client.JsonAsync("logs", "Logs_20140328.CreateLogGroup", """{"logGroupName":"twice"}""");

        var response = await _client.JsonAsync("logs", "Logs_20140328.CreateLogGroup", """{"logGroupName":"twice"}""");

        Assert.Equal(400, response.Status);
        Assert.Equal("ResourceAlreadyExistsException", response.ErrorCode);
    }

    [Fact]
    public async Task PutLogEvents_OutOfOrder_Returns400InvalidParameter()
    {
        await _client.JsonAsync("logs", "Logs_20140328.CreateLogGroup", """{"logGroupName":"out-of-order"}""");
        await _client.JsonAsync("logs", "Logs_20140328.CreateLogStream", """{"logGroupName":"out-of-order","logStreamName":"s"}""");

        var response = await _client.JsonAsync("logs", "Logs_20140328.PutLogEvents", """{"logGroupName":"out-of-order","logStreamName":"s","logEvents":[{"timestamp":2,"message":"b"},{"timestamp":1,"message":"a"}]}""");

        Assert.Equal(400, response.Status);
        Assert.Equal("InvalidParameterException", response.ErrorCode);
    }

    [Fact]
    public async Task PutLogEvents_UnknownStream_Returns400ResourceNotFound()
    {
        await _client.JsonAsync("logs", "Logs_20140328.CreateLogGroup", """{"logGroupName":"no-stream"}""");

        var response = await _client.JsonAsync("logs", "Logs_20140328.PutLogEvents", """{"logGroupName":"no-stream","logStreamName":"s","logEvents":[{"timestamp":1,"message":"a"}]}""");

        Assert.Equal("ResourceNotFoundException", response.ErrorCode);
        Assert.Equal("The specified log stream does not exist.", response.ErrorMessage);
    }

    [Fact]
    public async Task DescribeLogGroups_Prefix_ListsMatchingGroupsSortedWithArns()
    {
        await _client.JsonAsync("logs", "Logs_20140328.CreateLogGroup", """{"logGroupName":"/describe/b"}""");
        await _client.JsonAsync("logs", "Logs_20140328.CreateLogGroup", """{"logGroupName":"/describe/a"}""");

        var response = await _client.JsonAsync("logs", "Logs_20140328.DescribeLogGroups", """{"logGroupNamePrefix":"/describe/"}""");

        var groups = response.Json.GetProperty("logGroups").EnumerateArray().ToList();
        Assert.Equal(["/describe/a", "/describe/b"], groups.Select(g => g.GetProperty("logGroupName").GetString()));
        Assert.Equal("arn:aws:logs:us-east-1:000000000000:log-group:/describe/a:*", groups[0].GetProperty("arn").GetString());
    }

    [Fact]
    public async Task Resolve_UnknownTarget_Returns400UnknownOperation()
    {
        var response = await _client.JsonAsync("logs", "Logs_20140328.DeleteLogGroup", "{}");

        Assert.Equal(400, response.Status);
        Assert.Equal("UnknownOperationException", response.ErrorCode);
    }

    [Fact]
    public async Task Execute_MalformedJson_Returns400SerializationException()
    {
        var response = await _client.JsonAsync("logs", "Logs_20140328.CreateLogGroup", """{"logGroupName":""");

        Assert.Equal(400, response.Status);
        Assert.Equal("SerializationException", response.ErrorCode);
    }

    private async Task<string> SeedAsync(string group)
    {
        SandboxApi.Ok(await _client.JsonAsync("logs", "Logs_20140328.CreateLogGroup", $$"""{"logGroupName":"{{group}}"}"""));
        SandboxApi.Ok(await _client.JsonAsync("logs", "Logs_20140328.CreateLogStream", $$"""{"logGroupName":"{{group}}","logStreamName":"s1"}"""));
        SandboxApi.Ok(await _client.JsonAsync("logs", "Logs_20140328.PutLogEvents", $$"""
            {"logGroupName":"{{group}}","logStreamName":"s1","logEvents":[
              {"timestamp":1000,"message":"(r1) Starting execution for request: r1"},
              {"timestamp":2000,"message":"(r1) Execution failed due to configuration error: Invalid permissions on Lambda function"},
              {"timestamp":3000,"message":"(r2) Method completed with status: 200"}]}
            """));
        return group;
    }
}
