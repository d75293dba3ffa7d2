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

    [Theory]
    [InlineData("alerts.fifo", false)]
    [InlineData("alerts", true)]
    public async Task CreateTopic_FifoAttributeAndNameDisagree_IsRefused(string name, bool fifoAttribute)
    {
        List<(string, string)> form = [("Action", "CreateTopic"), ("Version", "2010-03-31"), ("Name", name)];
        if (fifoAttribute)
        {
            form.AddRange([("Attributes.entry.1.key", "FifoTopic"), ("Attributes.entry.1.value", "true")]);
        }

        var response = await _client.QueryAsync("sns", form);

        Assert.Equal((400, "InvalidParameter"), (response.Status, response.ErrorCode));
    }

    [Fact]
    public async Task Publish_FifoTopicSameDeduplicationIdWithinFiveMinutes_IsAcceptedAndDeliveredOnce()
    {
        var topic = await CreateFifoTopicAsync("once.fifo");

        var first = SandboxApi.Ok(await PublishAsync(topic, "fixed", ("MessageGroupId", "rc-1"), ("MessageDeduplicationId", "n-1")));
        var repeat = SandboxApi.Ok(await PublishAsync(topic, "fixed, said again", ("MessageGroupId", "rc-1"), ("MessageDeduplicationId", "n-1")));
        var other = SandboxApi.Ok(await PublishAsync(topic, "another", ("MessageGroupId", "rc-1"), ("MessageDeduplicationId", "n-2")));

        Assert.Equal(first.Xml("MessageId"), repeat.Xml("MessageId"));
        Assert.Equal(first.Xml("SequenceNumber"), repeat.Xml("SequenceNumber"));
        Assert.NotEqual(first.Xml("MessageId"), other.Xml("MessageId"));
        var delivered = Messages(topic);
        Assert.Equal(["fixed", "another"], delivered.Select(m => m.GetProperty("message").GetString()));
        Assert.Equal("n-1", delivered[0].GetProperty("messageDeduplicationId").GetString());
        Assert.Equal("rc-1", delivered[0].GetProperty("messageGroupId").GetString());
    }

    [Fact]
    public async Task Publish_FifoTopicSameDeduplicationIdAfterFiveMinutes_IsDeliveredAgain()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { Clock = clock });
        using var client = new SignedClient(server.BaseUrl);
        var topic = SandboxApi.Ok(await client.QueryAsync("sns",
            [("Action", "CreateTopic"), ("Name", "late.fifo"), ("Attributes.entry.1.key", "FifoTopic"), ("Attributes.entry.1.value", "true")])).Xml("TopicArn")!;
        List<(string, string)> publish = [("Action", "Publish"), ("TopicArn", topic), ("Message", "m"), ("MessageGroupId", "g"), ("MessageDeduplicationId", "d")];

        SandboxApi.Ok(await client.QueryAsync("sns", publish));
        clock.Advance(TimeSpan.FromMinutes(4));
        SandboxApi.Ok(await client.QueryAsync("sns", publish));
        clock.Advance(TimeSpan.FromMinutes(2));
        SandboxApi.Ok(await client.QueryAsync("sns", publish));

        Assert.Equal(2, JsonDocument.Parse(server.StateJson()).RootElement.GetProperty("snsMessages").GetArrayLength());
    }

    [Fact]
    public async Task Publish_FifoTopicWithoutGroupOrDeduplication_IsRefused()
    {
        var topic = await CreateFifoTopicAsync("strict.fifo");

        var noGroup = await PublishAsync(topic, "m", ("MessageDeduplicationId", "d"));
        var noDeduplication = await PublishAsync(topic, "m", ("MessageGroupId", "g"));

        Assert.Equal((400, "InvalidParameter"), (noGroup.Status, noGroup.ErrorCode));
        Assert.Equal((400, "InvalidParameter"), (noDeduplication.Status, noDeduplication.ErrorCode));
        Assert.Empty(Messages(topic));
    }

    [Fact]
    public async Task Publish_StandardTopicWithADeduplicationId_IsRefused()
    {
        var topic = await CreateTopicAsync("standard-dedup");

        var response = await PublishAsync(topic, "m", ("MessageDeduplicationId", "d"));

        Assert.Equal((400, "InvalidParameter"), (response.Status, response.ErrorCode));
        Assert.Contains("not valid for this topic type", response.Body, StringComparison.Ordinal);
    }

    private Task<WireResponse> PublishAsync(string topic, string message, params (string, string)[] extra) =>
        _client.QueryAsync("sns", [("Action", "Publish"), ("TopicArn", topic), ("Message", message), .. extra]);

    private List<JsonElement> Messages(string topic) =>
        [.. JsonDocument.Parse(sandbox.Server.StateJson()).RootElement.GetProperty("snsMessages").EnumerateArray().Where(m => m.GetProperty("topicArn").GetString() == topic)];

    private async Task<string> CreateFifoTopicAsync(string name) =>
        SandboxApi.Ok(await _client.QueryAsync("sns",
            [("Action", "CreateTopic"), ("Version", "2010-03-31"), ("Name", name), ("Attributes.entry.1.key", "FifoTopic"), ("Attributes.entry.1.value", "true")])).Xml("TopicArn")!;

    private async Task<string> CreateTopicAsync(string name) =>
        SandboxApi.Ok(await _client.QueryAsync("sns", [("Action", "CreateTopic"), ("Version", "2010-03-31"), ("Name", name)])).Xml("TopicArn")!;
}
