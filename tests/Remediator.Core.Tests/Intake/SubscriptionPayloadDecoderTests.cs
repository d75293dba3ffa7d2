using System.IO.Compression;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Remediator.Core.Intake;
using Remediator.Core.Tests.Support;
using Remediator.Emulation.Intake;

namespace Remediator.Core.Tests.Intake;

public class SubscriptionPayloadDecoderTests
{
    [Fact]
    public void Decode_LambdaPayloadFixture_EqualsItsDecodedMessage()
    {
        LogBatch fromPayload = Fixtures.Payload("rest-missing-permission.json");
        LogBatch fromMessage = Fixtures.Message("rest-missing-permission-info.json");

        Assert.Equal(fromMessage, fromPayload);
        Assert.Equal(SubscriptionMessageType.DataMessage, fromPayload.MessageType);
        Assert.Equal("123456789012", fromPayload.Owner);
        Assert.Equal("API-Gateway-Execution-Logs_a1b2c3d4e5/prod", fromPayload.LogGroup);
        Assert.Equal(["remediator"], fromPayload.SubscriptionFilters);
        Assert.Equal(16, fromPayload.LogEvents.Count);
        Assert.StartsWith("(7c4e0a9e-3b1f-4d2a-9f6e-1a2b3c4d5e6f) Extended Request Id: ", fromPayload.LogEvents[0].Message, StringComparison.Ordinal);
        Assert.Null(fromPayload.PolicyLevel);
    }

    [Fact]
    public void Decode_ControlMessage_IsAControlBatch()
    {
        LogBatch batch = Fixtures.Message("control-message.json");

        Assert.True(batch.IsControl);
        Assert.Equal("CWL CONTROL MESSAGE: Checking health of destination Firehose.", Assert.Single(batch.LogEvents).Message);
    }

    [Fact]
    public void Decode_StringOverload_MatchesBytes()
    {
        byte[] bytes = Fixtures.Bytes("payloads/rest-missing-permission.json");

        IntakeResult fromString = SubscriptionPayloadDecoder.Decode(Encoding.UTF8.GetString(bytes));

        Assert.Equal(SubscriptionPayloadDecoder.Decode(bytes).Batch, fromString.Batch);
    }

    [Fact]
    public void Decode_EscapedSlashesInData_AreUnescapedBeforeBase64()
    {
        string data = SubscriptionPayloadEncoder.EncodeData(Batches.Rest("(a) line"));
        string escaped = data.Replace("/", "\\/", StringComparison.Ordinal);

        IntakeResult result = SubscriptionPayloadDecoder.Decode("{\"awslogs\":{\"data\":\"" + escaped + "\"}}");

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal("(a) line", result.Batch.LogEvents[0].Message);
    }

    [Fact]
    public void Decode_PolicyLevelAndUnknownFields_KeepsPolicyLevelAndSkipsTheRest()
    {
        const string json = """
            {"messageType":"DATA_MESSAGE","owner":"123456789012","logGroup":"g","logStream":"s","subscriptionFilters":["f"],
             "logEvents":[{"id":"1","timestamp":5,"message":"m","extractedFields":{"a":[1,2]}}],
             "policyLevel":"ACCOUNT_LEVEL_POLICY","futureField":{"nested":[true,null]}}
            """;

        IntakeResult result = SubscriptionPayloadDecoder.Decode(json);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal("ACCOUNT_LEVEL_POLICY", result.Batch.PolicyLevel);
        Assert.Equal(new LogEvent("1", 5, "m"), Assert.Single(result.Batch.LogEvents));
    }

    [Fact]
    public void Decode_TenThousandEventsOfAboutOneMegabyte_IsWithinTheLimits()
    {
        string line = "(7c4e0a9e-3b1f-4d2a-9f6e-1a2b3c4d5e6f) Method request headers: {Accept=application/json, X=" + new string('x', 20) + "}";
        LogBatch batch = Batches.Rest(Enumerable.Repeat(line, 10_000).ToArray());

        IntakeResult result = SubscriptionPayloadDecoder.Decode(SubscriptionPayloadEncoder.EncodePayload(batch));

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(10_000, result.Batch.LogEvents.Count);
    }

    [Fact]
    public void Decode_LargeSingleMessageWithinTheCap_IsAccepted()
    {
        string huge = "(7c4e0a9e-3b1f-4d2a-9f6e-1a2b3c4d5e6f) Endpoint response body before transformations: " + new string('z', 2_000_000);

        IntakeResult result = SubscriptionPayloadDecoder.Decode(SubscriptionPayloadEncoder.EncodePayload(Batches.Rest(huge)));

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(huge, Assert.Single(result.Batch.LogEvents).Message);
    }

    public static TheoryData<string, string, IntakeErrorCode, string> BadText => new()
    {
        // name, payload, expected code, a fragment the message must contain
        { "empty", "", IntakeErrorCode.Empty, "empty" },
        { "whitespace", " \r\n\t ", IntakeErrorCode.Empty, "empty" },
        { "not JSON", "awslogs=data", IntakeErrorCode.InvalidJson, "not valid JSON" },
        { "truncated JSON", "{\"awslogs\":{\"data\":\"H4sI", IntakeErrorCode.InvalidJson, "not valid JSON" },
        { "trailing content", "{\"awslogs\":{\"data\":\"H4sI\"}} extra", IntakeErrorCode.InvalidJson, "not valid JSON" },
        { "top-level array", "[1,2]", IntakeErrorCode.WrongType, "must be a JSON object" },
        { "top-level string", "\"awslogs\"", IntakeErrorCode.WrongType, "must be a JSON object" },
        { "awslogs not an object", "{\"awslogs\":\"data\"}", IntakeErrorCode.WrongType, "'awslogs' must be an object" },
        { "data not a string", "{\"awslogs\":{\"data\":42}}", IntakeErrorCode.WrongType, "'awslogs.data' must be a string" },
        { "no data", "{\"awslogs\":{}}", IntakeErrorCode.MissingField, "no 'data'" },
        { "awslogs twice", "{\"awslogs\":{\"data\":\"a\"},\"awslogs\":{\"data\":\"b\"}}", IntakeErrorCode.InvalidValue, "twice" },
        { "empty data", "{\"awslogs\":{\"data\":\"\"}}", IntakeErrorCode.InvalidBase64, "empty" },
        { "bad base64", "{\"awslogs\":{\"data\":\"!!!not*base64\"}}", IntakeErrorCode.InvalidBase64, "not valid base64" },
        { "base64 of text", "{\"awslogs\":{\"data\":\"aGVsbG8gd29ybGQsIHRoaXMgaXMgbm90IGd6aXA=\"}}", IntakeErrorCode.InvalidGzip, "does not decode to gzip" },
        { "no messageType", "{\"owner\":\"1\"}", IntakeErrorCode.MissingField, "'messageType'" },
        { "unknown messageType", "{\"messageType\":\"DATA\"}", IntakeErrorCode.InvalidValue, "DATA_MESSAGE or CONTROL_MESSAGE" },
        { "messageType number", "{\"messageType\":1}", IntakeErrorCode.WrongType, "'messageType' must be a string, found a number" },
        { "missing logGroup", Message(logGroup: null), IntakeErrorCode.MissingField, "'logGroup'" },
        { "logGroup number", Message(logGroup: "7"), IntakeErrorCode.WrongType, "'logGroup' must be a string, found a number" },
        { "logEvents object", Message(events: "{}"), IntakeErrorCode.WrongType, "'logEvents' must be an array, found an object" },
        { "event not object", Message(events: "[\"m\"]"), IntakeErrorCode.WrongType, "'logEvents[0]' must be an object, found a string" },
        { "timestamp string", Message(events: "[{\"id\":\"1\",\"timestamp\":\"5\",\"message\":\"m\"}]"), IntakeErrorCode.WrongType, "'logEvents[0].timestamp' must be an integer, found a string" },
        { "timestamp fraction", Message(events: "[{\"id\":\"1\",\"timestamp\":5.5,\"message\":\"m\"}]"), IntakeErrorCode.WrongType, "'logEvents[0].timestamp' must be an integer" },
        { "message number", Message(events: "[{\"id\":\"1\",\"timestamp\":5,\"message\":3}]"), IntakeErrorCode.WrongType, "'logEvents[0].message' must be a string, found a number" },
        { "event missing id", Message(events: "[{\"id\":\"1\",\"timestamp\":5,\"message\":\"m\"},{\"timestamp\":5,\"message\":\"m\"}]"), IntakeErrorCode.MissingField, "logEvents[1] has no 'id'" },
        { "filter number", Message(filters: "[\"a\",2]"), IntakeErrorCode.WrongType, "'subscriptionFilters[1]' must be a string" },
        { "duplicate logGroup", Message(extra: ",\"logGroup\":\"other\""), IntakeErrorCode.InvalidValue, "'logGroup' twice" },
        { "duplicate event field", Message(events: "[{\"id\":\"1\",\"timestamp\":5,\"message\":\"m\",\"message\":\"n\"}]"), IntakeErrorCode.InvalidValue, "'message' twice" },
        { "too deep", "{\"x\":" + string.Concat(Enumerable.Repeat("[", 40)) + string.Concat(Enumerable.Repeat("]", 40)) + "}", IntakeErrorCode.InvalidJson, "not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(BadText))]
    public void Decode_BadInput_ReturnsTypedErrorSayingWhatWasWrong(string name, string payload, IntakeErrorCode code, string fragment)
    {
        IntakeResult result = SubscriptionPayloadDecoder.Decode(payload);

        Assert.False(result.IsSuccess, name);
        Assert.Equal(code, result.Error.Code);
        Assert.Contains(fragment, result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_BadMessageInsideGzip_ReportsTheSameTypedError()
    {
        IntakeResult result = SubscriptionPayloadDecoder.Decode(Envelope(Gzip(Message(events: "{}"))));

        Assert.Equal(IntakeErrorCode.WrongType, result.Error?.Code);
    }

    [Fact]
    public void Decode_NonJsonInsideGzip_IsInvalidJson()
    {
        IntakeResult result = SubscriptionPayloadDecoder.Decode(Envelope(Gzip("this is not json")));

        Assert.Equal(IntakeErrorCode.InvalidJson, result.Error?.Code);
        Assert.Contains("decompressed message", result.Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(100)]
    public void Decode_TruncatedGzip_IsInvalidGzip(int bytesCut)
    {
        byte[] gzip = SubscriptionPayloadEncoder.EncodeCompressed(Fixtures.Message("rest-interleaved.json"));

        IntakeResult result = SubscriptionPayloadDecoder.Decode(Envelope(gzip[..^bytesCut]));

        Assert.Equal(IntakeErrorCode.InvalidGzip, result.Error?.Code);
    }

    [Fact]
    public void Decode_GzipWithCorruptChecksum_IsInvalidGzip()
    {
        byte[] gzip = SubscriptionPayloadEncoder.EncodeCompressed(Fixtures.Message("rest-interleaved.json"));
        gzip[^6] ^= 0xFF;

        IntakeResult result = SubscriptionPayloadDecoder.Decode(Envelope(gzip));

        Assert.Equal(IntakeErrorCode.InvalidGzip, result.Error?.Code);
    }

    [Fact]
    public void Decode_GzipBomb_IsRefusedAsTooLarge()
    {
        // 1 GiB of zeros compresses to about 1 MB; inflating it whole would take seconds and a gigabyte.
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 1024; i++)
            {
                gzip.Write(zeros);
            }
        }

        IntakeResult result = SubscriptionPayloadDecoder.Decode(Envelope(compressed.ToArray()));

        Assert.Equal(IntakeErrorCode.TooLarge, result.Error?.Code);
        Assert.Contains(IntakeLimits.MaxDecompressedBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_HugeSingleMessageOverTheCap_IsTooLarge()
    {
        string huge = new('a', IntakeLimits.MaxDecompressedBytes + 1);

        IntakeResult result = SubscriptionPayloadDecoder.Decode(SubscriptionPayloadEncoder.EncodePayload(Batches.Rest(huge)));

        Assert.Equal(IntakeErrorCode.TooLarge, result.Error?.Code);
    }

    [Fact]
    public void Decode_RawPayloadOverTheLimit_IsTooLargeWithoutParsing()
    {
        byte[] payload = new byte[IntakeLimits.MaxPayloadBytes + 1];
        payload.AsSpan().Fill((byte)'{');

        IntakeResult result = SubscriptionPayloadDecoder.Decode(payload);

        Assert.Equal(IntakeErrorCode.TooLarge, result.Error?.Code);
    }

    [Fact]
    public void Decode_MoreEventsThanTheLimit_IsTooManyEvents()
    {
        var events = new StringBuilder();
        for (int i = 0; i <= IntakeLimits.MaxEvents; i++)
        {
            events.Append(i == 0 ? "[" : ",").Append("{\"id\":\"1\",\"timestamp\":1,\"message\":\"m\"}");
        }

        IntakeResult result = SubscriptionPayloadDecoder.Decode(Envelope(Gzip(Message(events: events.Append(']').ToString()))));

        Assert.Equal(IntakeErrorCode.TooManyEvents, result.Error?.Code);
    }

    [Fact]
    public void Decode_ArbitraryBytes_NeverThrows()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
        {
            IntakeResult result = SubscriptionPayloadDecoder.Decode(bytes);
            return result.IsSuccess || result.Error is not null;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Decode_MutatedValidPayload_NeverThrows()
    {
        byte[] gzip = SubscriptionPayloadEncoder.EncodeCompressed(Fixtures.Message("rest-interleaved.json"));
        Gen<(int Position, byte Value)> mutation = Gen.Zip(Gen.Choose(0, gzip.Length - 1), Gen.Choose(0, 255).Select(v => (byte)v));

        Prop.ForAll(Gen.ListOf(mutation, 3).ToArbitrary(), mutations =>
        {
            byte[] copy = (byte[])gzip.Clone();
            foreach ((int position, byte value) in mutations)
            {
                copy[position] = value;
            }

            IntakeResult result = SubscriptionPayloadDecoder.Decode("{\"awslogs\":{\"data\":\"" + Convert.ToBase64String(copy) + "\"}}");
            return result.IsSuccess || result.Error is not null;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Decode_EventWithInvalidUtf8_SetsThatEventApartAndKeepsTheOthers()
    {
        // 0xFF never occurs in UTF-8, 0xC3 0x28 is a broken two-byte sequence.
        byte[] message = Concat(
            "{\"messageType\":\"DATA_MESSAGE\",\"owner\":\"123456789012\",\"logGroup\":\"g\",\"logStream\":\"s\",\"subscriptionFilters\":[\"f\"],\"logEvents\":["
            + "{\"id\":\"1\",\"timestamp\":10,\"message\":\"before\"},{\"id\":\"2\",\"timestamp\":20,\"message\":\"bad ",
            [0xFF, 0xC3, 0x28],
            " bytes\"},{\"id\":\"3\",\"timestamp\":30,\"message\":\"after\"}]}");

        IntakeResult result = SubscriptionPayloadDecoder.Decode(Envelope(GzipBytes(message)));

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(["before", "after"], result.Batch.LogEvents.Select(e => e.Message));
        UndecodableEvent bad = Assert.Single(result.Batch.Undecodable);
        Assert.Equal(new UndecodableEvent(1, "2", 20, "logEvents[1].message is not valid UTF-8"), bad);
    }

    [Theory]
    [InlineData("\\ud800", "message")]
    [InlineData("x\\udc00y", "message")]
    [InlineData("\\ud800\\ud800", "message")]
    public void Decode_EventWithUnpairedSurrogateEscape_SetsThatEventApart(string escaped, string field)
    {
        string events = $"[{{\"id\":\"1\",\"timestamp\":10,\"message\":\"{escaped}\"}},{{\"id\":\"2\",\"timestamp\":20,\"message\":\"fine \\ud83d\\ude00\"}}]";

        IntakeResult result = SubscriptionPayloadDecoder.Decode(Envelope(Gzip(Message(events: events))));

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal("fine \U0001F600", Assert.Single(result.Batch.LogEvents).Message);
        UndecodableEvent bad = Assert.Single(result.Batch.Undecodable);
        Assert.Equal($"logEvents[0].{field} holds an unpaired UTF-16 surrogate escape", bad.Problem);
        Assert.Equal("1", bad.Id);
    }

    [Fact]
    public void Decode_EventIdNotText_SetsThatEventApartWithoutAnId()
    {
        string events = "[{\"id\":\"\\udfff\",\"timestamp\":10,\"message\":\"m\"}]";

        IntakeResult result = SubscriptionPayloadDecoder.Decode(Envelope(Gzip(Message(events: events))));

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Empty(result.Batch.LogEvents);
        Assert.Equal(new UndecodableEvent(0, null, 10, "logEvents[0].id holds an unpaired UTF-16 surrogate escape"), Assert.Single(result.Batch.Undecodable));
    }

    [Theory]
    [InlineData("{\"messageType\":\"DATA_MESSAGE\",\"owner\":\"1\",\"logGroup\":\"\\ud800\",\"logStream\":\"s\",\"subscriptionFilters\":[],\"logEvents\":[]}", "'logGroup' holds an unpaired")]
    [InlineData("{\"messageType\":\"DATA_MESSAGE\",\"owner\":\"1\",\"logGroup\":\"g\",\"logStream\":\"s\",\"subscriptionFilters\":[\"\\udc00\"],\"logEvents\":[]}", "'subscriptionFilters[0]' holds an unpaired")]
    [InlineData("{\"messageType\":\"\\ud800\"}", "'messageType' must be")]
    [InlineData("{\"\\ud800\":1,\"messageType\":\"DATA_MESSAGE\"}", "not valid Unicode text")]
    [InlineData("{\"messageType\":\"DATA_MESSAGE\",\"logEvents\":[{\"\\udc00\":1}]}", "not valid Unicode text")]
    public void Decode_BatchFieldNotText_IsATypedError(string message, string expected)
    {
        IntakeResult result = SubscriptionPayloadDecoder.Decode(Envelope(Gzip(message)));

        Assert.False(result.IsSuccess);
        Assert.Equal(IntakeErrorCode.InvalidValue, result.Error.Code);
        Assert.Contains(expected, result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_EnvelopeNameNotText_IsSkippedLikeAnyUnknownName()
    {
        IntakeResult result = SubscriptionPayloadDecoder.Decode("{\"\\ud800\":1,\"awslogs\":{\"data\":\"AAAA\"}}");

        Assert.False(result.IsSuccess);
        Assert.Equal(IntakeErrorCode.InvalidGzip, result.Error.Code);
    }

    private static string Message(string? logGroup = "\"g\"", string events = "[]", string filters = "[\"f\"]", string extra = "")
    {
        string group = logGroup is null ? string.Empty : $"\"logGroup\":{logGroup},";
        return $"{{\"messageType\":\"DATA_MESSAGE\",\"owner\":\"123456789012\",{group}\"logStream\":\"s\",\"subscriptionFilters\":{filters},\"logEvents\":{events}{extra}}}";
    }

    private static byte[] Gzip(string text)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return compressed.ToArray();
    }

    private static byte[] GzipBytes(byte[] bytes)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return compressed.ToArray();
    }

    private static byte[] Concat(string before, byte[] raw, string after) =>
        [.. Encoding.UTF8.GetBytes(before), .. raw, .. Encoding.UTF8.GetBytes(after)];

    private static string Envelope(byte[] gzip) => "{\"awslogs\":{\"data\":\"" + Convert.ToBase64String(gzip) + "\"}}";
}
