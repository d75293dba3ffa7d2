using Remediator.Aws.Signing;
using Remediator.Aws.Sns;
using Remediator.Aws.Tests.Signing;
using Remediator.Aws.Tests.TestSupport;
using Remediator.Core.Ports;

namespace Remediator.Aws.Tests.Sns;

public sealed class SnsPublisherTests
{
    private const string Topic = "arn:aws:sns:us-east-1:123456789012:remediator";

    [Fact]
    public async Task PublishAsync_FullMessage_SendsFormAndReturnsMessageId()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Xml(200, Fixture.Text("Sns", "publish.xml")));
        var message = new SnsMessage(
            Topic,
            "{\"default\":\"Fixed: pets & co\",\"email\":\"Remediator added permission\"}",
            "Remediator: fixed a1b2c3d4e5",
            "json",
            new Dictionary<string, string> { ["severity"] = "info", ["kind"] = "MissingInvokePermission" });

        var id = await Client(server).PublishAsync(message, CancellationToken.None);

        Assert.Equal("567910cd-659e-55d4-8ccb-5aaf14679dc0", id);
        var wire = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/"), (wire.Method, wire.RawTarget));
        Assert.StartsWith("application/x-www-form-urlencoded", wire.Header("Content-Type"), StringComparison.Ordinal);
        var form = AwsRequestSigner.ParseQuery(wire.BodyText).ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal("Publish", form["Action"]);
        Assert.Equal("2010-03-31", form["Version"]);
        Assert.Equal(Topic, form["TopicArn"]);
        Assert.Equal(message.Message, form["Message"]);
        Assert.Equal("Remediator: fixed a1b2c3d4e5", form["Subject"]);
        Assert.Equal("json", form["MessageStructure"]);
        Assert.Equal("kind", form["MessageAttributes.entry.1.Name"]);
        Assert.Equal("String", form["MessageAttributes.entry.1.Value.DataType"]);
        Assert.Equal("MissingInvokePermission", form["MessageAttributes.entry.1.Value.StringValue"]);
        Assert.Equal("severity", form["MessageAttributes.entry.2.Name"]);
        Assert.Equal("info", form["MessageAttributes.entry.2.Value.StringValue"]);
        Assert.DoesNotContain("+", wire.BodyText, StringComparison.Ordinal);
        AwsRequestSignerTests.AssertVerifies(wire, TestAws.Credentials);
    }

    [Theory]
    [InlineData(404, "NotFound", "Topic does not exist")]
    [InlineData(403, "AuthorizationError", "User is not authorized to perform: SNS:Publish")]
    [InlineData(400, "InvalidParameter", "Invalid parameter: Message too long")]
    public async Task PublishAsync_ServiceRefuses_ThrowsTypedError(int status, string code, string message)
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Xml(status, $"<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>rq</RequestId></ErrorResponse>"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Client(server).PublishAsync(new SnsMessage(Topic, "hi"), CancellationToken.None));

        Assert.Equal((code, status, message, "rq"), (error.ErrorCode, error.StatusCode, error.ServiceMessage, error.RequestId));
    }

    [Fact]
    public async Task PublishAsync_ThrottledThenAccepted_Retries()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Xml(400, "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>r</RequestId></ErrorResponse>"))
            .Enqueue(CannedResponse.Xml(200, Fixture.Text("Sns", "publish.xml")));

        Assert.Equal("567910cd-659e-55d4-8ccb-5aaf14679dc0", await Client(server).PublishAsync(new SnsMessage(Topic, "hi"), CancellationToken.None));
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task PublishAsync_AnswerLaterThanTheAttemptTimeout_IsSentOnceAndReportedAsUnanswered()
    {
        // SNS may have delivered a Publish whose answer never came: sending it again would notify twice.
        await using var server = new LoopbackServer();
        var aws = new TestAws();
        var publisher = FirstAnswerTooLate(server, aws);

        await Assert.ThrowsAsync<PublishOutcomeUnknownException>(() => publisher.PublishAsync(new SnsMessage(Topic, "hi"), CancellationToken.None));

        Assert.Single(server.Requests);
        Assert.Empty(aws.Backoffs);
    }

    [Fact]
    public async Task PublishAsync_ConnectionRefused_RetriesAndThrowsANetworkErrorNotAnUnknownOutcome()
    {
        // Nothing reached SNS: the attempt may be repeated, and the failure means "not delivered" (owed).
        var server = new LoopbackServer();
        var aws = new TestAws();
        var publisher = new SnsPublisher(aws.Client(server, maxAttempts: 2));
        await server.DisposeAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => publisher.PublishAsync(new SnsMessage(Topic, "hi"), CancellationToken.None));

        Assert.Single(aws.Backoffs);
    }

    [Fact]
    public async Task PublishAsync_ServerErrorThenAccepted_RetriesTheAnsweredFailure()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Xml(500, "<ErrorResponse><Error><Type>Receiver</Type><Code>InternalError</Code><Message>try again</Message></Error><RequestId>r</RequestId></ErrorResponse>"))
            .Enqueue(CannedResponse.Xml(200, Fixture.Text("Sns", "publish.xml")));

        Assert.Equal("567910cd-659e-55d4-8ccb-5aaf14679dc0", await Client(server).PublishAsync(new SnsMessage(Topic, "hi"), CancellationToken.None));
        Assert.Equal(2, server.Requests.Count);
    }

    [Theory]
    [InlineData("line\nbreak")]
    [InlineData("")]
    public async Task PublishAsync_InvalidSubject_ThrowsBeforeSending(string subject)
    {
        await using var server = new LoopbackServer();

        await Assert.ThrowsAsync<ArgumentException>(() => Client(server).PublishAsync(new SnsMessage(Topic, "hi", subject), CancellationToken.None));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task PublishAsync_SubjectOf100Chars_Throws()
    {
        await using var server = new LoopbackServer();

        await Assert.ThrowsAsync<ArgumentException>(() => Client(server).PublishAsync(new SnsMessage(Topic, "hi", new string('s', 100)), CancellationToken.None));
    }

    [Fact]
    public async Task PublishAsync_MessageOver256KiB_Throws()
    {
        await using var server = new LoopbackServer();

        await Assert.ThrowsAsync<ArgumentException>(() => Client(server).PublishAsync(new SnsMessage(Topic, new string('é', 131073)), CancellationToken.None));
    }

    [Fact]
    public async Task PublishAsync_MessageWithinLimitButOverItWithAttributes_Throws()
    {
        await using var server = new LoopbackServer();
        var attributes = new Dictionary<string, string> { ["outcome"] = "Recommended" };

        await Assert.ThrowsAsync<ArgumentException>(() => Client(server).PublishAsync(new SnsMessage(Topic, new string('m', 256 * 1024 - 10), Attributes: attributes), CancellationToken.None));
    }

    [Theory]
    [InlineData(10, true)]
    [InlineData(11, false)]
    public async Task PublishAsync_MoreThanTenAttributes_ThrowsBeforeSending(int count, bool sent)
    {
        // SNS would deliver an 11-attribute message to no raw-delivery SQS subscription: a bug caught at its source.
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Xml(200, Fixture.Text("Sns", "publish.xml")));
        var attributes = Enumerable.Range(1, count).ToDictionary(i => $"a{i}", i => "v");

        Task publish = Client(server).PublishAsync(new SnsMessage(Topic, "hi", Attributes: attributes), CancellationToken.None);

        if (sent)
        {
            await publish;
        }
        else
        {
            await Assert.ThrowsAsync<ArgumentException>(() => publish);
        }

        Assert.Equal(sent ? 1 : 0, server.Requests.Count);
    }

    [Fact]
    public async Task PublishAsync_StandardTopic_SendsNoFifoParameters()
    {
        // SNS refuses a deduplication id on a standard topic (InvalidParameter).
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Xml(200, Fixture.Text("Sns", "publish.xml")));

        await Client(server).PublishAsync(new SnsMessage(Topic, "hi", DeduplicationId: "d", GroupId: "g"), CancellationToken.None);

        var form = AwsRequestSigner.ParseQuery(Assert.Single(server.Requests).BodyText).ToDictionary(p => p.Key, p => p.Value);
        Assert.False(form.ContainsKey("MessageDeduplicationId"));
        Assert.False(form.ContainsKey("MessageGroupId"));
    }

    [Fact]
    public async Task PublishAsync_FifoTopic_SendsTheGroupAndTheDeduplicationId()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Xml(200, Fixture.Text("Sns", "publish.xml")));

        await Client(server).PublishAsync(new SnsMessage(FifoTopic, "hi", DeduplicationId: "dedup-1", GroupId: "group-1"), CancellationToken.None);

        var form = AwsRequestSigner.ParseQuery(Assert.Single(server.Requests).BodyText).ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal(("group-1", "dedup-1"), (form["MessageGroupId"], form["MessageDeduplicationId"]));
    }

    [Theory]
    [InlineData(null, "g")]
    [InlineData("d", null)]
    [InlineData("has space", "g")]
    [InlineData("d", "é")]
    public async Task PublishAsync_FifoTopicWithoutValidFifoTokens_ThrowsBeforeSending(string? deduplicationId, string? groupId)
    {
        await using var server = new LoopbackServer();

        await Assert.ThrowsAsync<ArgumentException>(() => Client(server).PublishAsync(new SnsMessage(FifoTopic, "hi", DeduplicationId: deduplicationId, GroupId: groupId), CancellationToken.None));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task PublishAsync_FifoTopicAnswerLaterThanTheAttemptTimeout_IsSentAgainUnderTheSameDeduplicationId()
    {
        // A FIFO topic delivers a repeated deduplication id once, so the unanswered Publish is retried, not given up on.
        await using var server = new LoopbackServer();
        var aws = new TestAws();
        var publisher = FirstAnswerTooLate(server, aws);

        Assert.Equal("567910cd-659e-55d4-8ccb-5aaf14679dc0", await publisher.PublishAsync(new SnsMessage(FifoTopic, "hi", DeduplicationId: "d", GroupId: "g"), CancellationToken.None));

        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, wire => Assert.Equal("d", AwsRequestSigner.ParseQuery(wire.BodyText).Single(p => p.Key == "MessageDeduplicationId").Value));
    }

    private const string FifoTopic = "arn:aws:sns:us-east-1:123456789012:remediator.fifo";

    private static SnsPublisher Client(LoopbackServer server) => new(new TestAws().Client(server));

    // SNS accepts the first Publish and holds its answer back past the attempt's timeout; it answers the second at once.
    private static SnsPublisher FirstAnswerTooLate(LoopbackServer server, TestAws aws)
    {
        server.Enqueue(_ =>
            {
                aws.Clock.Advance(TimeSpan.FromMilliseconds(300));
                return CannedResponse.Xml(200, Fixture.Text("Sns", "publish.xml")) with { Delay = TimeSpan.FromSeconds(30) };
            })
            .Enqueue(CannedResponse.Xml(200, Fixture.Text("Sns", "publish.xml")));
        return new SnsPublisher(aws.Client(server, attemptTimeout: TimeSpan.FromMilliseconds(300)));
    }
}
