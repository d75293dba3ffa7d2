using FsCheck;
using FsCheck.Fluent;
using Remediator.Core.Intake;

namespace Remediator.Core.Tests.Support;

/// <summary>FsCheck generators for batches with awkward text: quotes, backslashes, controls, non-ASCII, emoji.</summary>
internal static class BatchGenerator
{
    private static readonly Gen<char> AwkwardChar = Gen.OneOf(
        Gen.Choose(0x20, 0x7E).Select(c => (char)c),
        Gen.Elements('"', '\\', '/', '\n', '\r', '\t', '\0', '\u001f', '\u2028', 'é', 'ß', '中'),
        Gen.Choose(0xA0, 0xD7FF).Select(c => (char)c));

    public static readonly Gen<string> Text = Gen.OneOf(
        Gen.ArrayOf(AwkwardChar).Select(chars => new string(chars)),
        Gen.Elements("", "🙂 emoji", "(7c4e0a9e-3b1f-4d2a-9f6e-1a2b3c4d5e6f) Method completed with status: 200"));

    private static readonly Gen<LogEvent> Event =
        Gen.Zip(Gen.Zip(Text, ArbMap.Default.GeneratorFor<long>()), Text)
            .Select(t => new LogEvent(t.Item1.Item1, t.Item1.Item2, t.Item2));

    public static readonly Gen<LogBatch> Batch =
        from type in Gen.Elements(SubscriptionMessageType.DataMessage, SubscriptionMessageType.ControlMessage)
        from owner in Text
        from logGroup in Text
        from logStream in Text
        from filters in Gen.ListOf(Text, 3)
        from events in Gen.ArrayOf(Event)
        from policyLevel in Gen.OneOf(Gen.Constant<string?>(null), Text.Select(t => (string?)t))
        select new LogBatch(type, owner, logGroup, logStream, filters.ToArray(), events, policyLevel);

    public static Arbitrary<LogBatch> Arbitrary => Batch.ToArbitrary();
}
