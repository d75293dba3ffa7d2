using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Remediator.Core.Intake;
using Remediator.Core.Tests.Support;

namespace Remediator.Core.Tests.Intake;

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
}
