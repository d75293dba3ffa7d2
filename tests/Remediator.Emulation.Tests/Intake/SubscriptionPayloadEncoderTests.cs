using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Remediator.Core.Intake;
using Remediator.Core.Tests.Support;
using Remediator.Emulation.Intake;

namespace Remediator.Emulation.Tests.Intake;

public class SubscriptionPayloadEncoderTests
{
    [Fact]
    public void EncodePayload_AnyBatch_DecodesToAnEqualBatch()
    {
        Prop.ForAll(BatchGenerator.Arbitrary, batch =>
        {
            IntakeResult decoded = SubscriptionPayloadDecoder.Decode(SubscriptionPayloadEncoder.EncodePayload(batch));
            return decoded.IsSuccess && decoded.Batch.Equals(batch);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void EncodePayload_AnyBatch_DecodedMessageFormDecodesToo()
    {
        Prop.ForAll(BatchGenerator.Arbitrary, batch =>
        {
            IntakeResult decoded = SubscriptionPayloadDecoder.Decode(SubscriptionPayloadEncoder.EncodeMessage(batch));
            return decoded.IsSuccess && decoded.Batch.Equals(batch);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void EncodePayload_Batch_HasTheLambdaEnvelopeShape()
    {
        string payload = SubscriptionPayloadEncoder.EncodePayload(Batches.Rest("(a) b"));

        using JsonDocument document = JsonDocument.Parse(payload);
        JsonProperty awslogs = Assert.Single(document.RootElement.EnumerateObject());
        Assert.Equal("awslogs", awslogs.Name);
        JsonProperty data = Assert.Single(awslogs.Value.EnumerateObject());
        Assert.Equal("data", data.Name);
        byte[] gzip = Convert.FromBase64String(data.Value.GetString()!);
        Assert.Equal([0x1f, 0x8b, 0x08], gzip[..3]);
    }

    [Fact]
    public void EncodeMessage_Batch_WritesTheWireFieldNames()
    {
        byte[] json = SubscriptionPayloadEncoder.EncodeMessage(Batches.Rest("(a) b") with { PolicyLevel = "ACCOUNT_LEVEL_POLICY" });

        using JsonDocument document = JsonDocument.Parse(json);
        Assert.Equal(
            ["messageType", "owner", "logGroup", "logStream", "subscriptionFilters", "logEvents", "policyLevel"],
            document.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("DATA_MESSAGE", document.RootElement.GetProperty("messageType").GetString());
        Assert.Equal(
            ["id", "timestamp", "message"],
            document.RootElement.GetProperty("logEvents")[0].EnumerateObject().Select(p => p.Name));
    }
}
