using System.Text.Json;
using Remediator.Sandbox.Tests.TestSupport;

namespace Remediator.Sandbox.Tests.Sns;

/// <summary>SNS over the query protocol: topics, Publish recording, XML errors.</summary>
public sealed class SnsServiceTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private readonly SignedClient _client = sandbox.Client;

    [Fact]
    public async Task CreateTopic_SameNameTwice_ReturnsSameArn()
    {
        var first = await CreateTopicAsync("idempotent");
        var second = await CreateTopicAsync("idempotent");

        Assert.Equal("arn:aws:sns:us-east-1:000000000000:idempotent", first);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Publish_WithSubjectStructureAndAttributes_RecordsMessageInState()
    {
        var topic = await CreateTopicAsync("recorded");

        var response = await _client.QueryAsync("sns",
        [
            ("Action", "Publish"), ("Version", "2010-03-31"), ("TopicArn", topic), ("Subject", "Remediator: permission added"),
            ("Message", """{"default":"fixed","email":"Fixed it"}"""), ("MessageStructure", "json"),
            ("MessageAttributes.entry.1.Name", "outcome"), ("MessageAttributes.entry.1.Value.DataType", "String"), ("MessageAttributes.entry.1.Value.StringValue", "fixed"),
        ]);

        Assert.Equal(200, response.Status);
        var messageId = response.Xml("MessageId");
        Assert.NotNull(response.Xml("RequestId"));
        var message = JsonDocument.Parse(sandbox.Server.StateJson()).RootElement.GetProperty("snsMessages").EnumerateArray()
            .Single(m => m.GetProperty("messageId").GetString() == messageId);
        Assert.Equal("Remediator: permission added", message.GetProperty("subject").GetString());
        Assert.Equal("json", message.GetProperty("messageStructure").GetString());
        Assert.Equal(("fixed", "Fixed it"), (message.GetProperty("messages").GetProperty("default").GetString(), message.GetProperty("messages").GetProperty("email").GetString()));
        Assert.Equal("fixed", message.GetProperty("messageAttributes").GetProperty("outcome").GetProperty("stringValue").GetString());
    }

    public static TheoryData<string, string, string, int, string> Rejected => new()
    {
        { "missing-topic", "m", "", 404, "NotFound" },
        { "topic", new string('x', 262145), "", 400, "InvalidParameter" },
        { "topic", "m", "line\nbreak", 400, "InvalidParameter" },
        { "topic", """{"email":"no default"}""", "json", 400, "InvalidParameter" },
        { "topic", """{"default":"d","sqs":{"not":"a string"}}""", "json", 400, "InvalidParameter" },
        { "topic", "not json", "json", 400, "InvalidParameter" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public async Task Publish_InvalidInput_ReturnsXmlErrorResponse(string topicName, string message, string subjectOrStructure, int status, string code)
    {
        var topic = topicName == "topic" ? await CreateTopicAsync("rejects") : "arn:aws:sns:us-east-1:000000000000:" + topicName;
        List<(string, string)> form = [("Action", "Publish"), ("TopicArn", topic), ("Message", message)];
        if (subjectOrStructure == "json")
        {
            form.Add(("MessageStructure", "json"));
        }
        else if (subjectOrStructure.Length > 0)
        {
            form.Add(("Subject", subjectOrStructure));
        }

        var response = await _client.QueryAsync("sns", form);

        Assert.Equal(status, response.Status);
        Assert.Equal(code, response.ErrorCode);
        Assert.Equal(status < 500 ? "Sender" : "Receiver", response.Xml("Type"));
    }

    [Fact]
    public async Task Publish_WithoutMessageStructure_RecordsNoProtocolMessages()
    {
        var topic = await CreateTopicAsync("plain");

        var response = await _client.QueryAsync("sns", [("Action", "Publish"), ("TopicArn", topic), ("Message", """{"default":"looks like JSON"}""")]);

        var message = JsonDocument.Parse(sandbox.Server.StateJson()).RootElement.GetProperty("snsMessages").EnumerateArray()
            .Single(m => m.GetProperty("messageId").GetString() == response.Xml("MessageId"));
        Assert.False(message.TryGetProperty("messages", out _));
    }

    [Theory]
    [InlineData(262144 - 24, 200)]
    [InlineData(262144 - 23, 400)]
    public async Task Publish_AttributesCountTowardTheMessageLimit(int messageBytes, int status)
    {
        // The attribute below is 7 + 6 + 11 = 24 bytes of name, type and value.
        var topic = await CreateTopicAsync("sized");

        var response = await _client.QueryAsync("sns",
        [
            ("Action", "Publish"), ("TopicArn", topic), ("Message", new string('m', messageBytes)),
            ("MessageAttributes.entry.1.Name", "outcome"), ("MessageAttributes.entry.1.Value.DataType", "String"), ("MessageAttributes.entry.1.Value.StringValue", "Recommended"),
        ]);

        Assert.Equal(status, response.Status);
    }

    [Fact]
    public async Task Resolve_UnknownAction_Returns400InvalidAction()
    {
        var response = await _client.QueryAsync("sns", [("Action", "Subscribe"), ("Version", "2010-03-31")]);

        Assert.Equal(400, response.Status);
        Assert.Equal("InvalidAction", response.ErrorCode);
    }

    private async Task<string> CreateTopicAsync(string name) =>
        SandboxApi.Ok(await _client.QueryAsync("sns", [("Action", "CreateTopic"), ("Version", "2010-03-31"), ("Name", name)])).Xml("TopicArn")!;
}
