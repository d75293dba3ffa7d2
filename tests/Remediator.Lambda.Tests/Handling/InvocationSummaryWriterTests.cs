using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Remediator.Lambda.Handling;

namespace Remediator.Lambda.Tests.Handling;

/// <summary>The hand-written response writer produces exactly the serializer's bytes (same names, order,
/// escaping, nulls left out), so what a caller parses is unchanged.</summary>
public sealed class InvocationSummaryWriterTests
{
    private static readonly HandlingJsonContext Serializer = new(InvocationSummaryWriter.Options);

    // Quotes, '+', '<', '&', a backslash, control characters, non-ASCII, an emoji (a surrogate pair) and a lone surrogate.
    private const string Awkward = "{\"Sid\":\"a+b\"} <x> & 'y' \\ \t\n\u0001 é ü 中 😀 \ud800 end";

    public static TheoryData<InvocationSummary> Summaries => new()
    {
        new InvocationSummary("req-1", "enforce", 1, null, new Dictionary<string, int>(), [], 0),
        new InvocationSummary("req-2", "observe", 0, "MissingField: no awslogs", new Dictionary<string, int>(), [], 0),
        new InvocationSummary(Awkward, "recommend", 7, Awkward,
            new Dictionary<string, int>(StringComparer.Ordinal) { ["Fixed"] = 2, ["Ticket"] = 1, [Awkward] = 3 },
            [Outcome(Awkward), Outcome(null), null!],
            3),
    };

    [Theory]
    [MemberData(nameof(Summaries))]
    public void ToUtf8_WritesWhatTheSerializerWrites(InvocationSummary summary)
    {
        Assert.Equal(Serialized(summary), Written(summary));
    }

    [Fact]
    public void ToUtf8_KeepsQuotesAndPlusReadableAndLeavesNullsOut()
    {
        string written = Written(new InvocationSummary(
            "r", "enforce", 1, null, new Dictionary<string, int>(), [Outcome("{\"a\":\"b+c\"}"), Outcome(null)], 0));

        Assert.Contains("\"statement\":\"{\\\"a\\\":\\\"b+c\\\"}\"", written, StringComparison.Ordinal);
        Assert.DoesNotContain("\"intakeError\"", written, StringComparison.Ordinal);
        Assert.Equal(1, written.Split("\"kind\"").Length - 1);
    }

    [Fact]
    public void ToUtf8_AnyStrings_WritesWhatTheSerializerWritesAndParsesBack()
    {
        Arbitrary<string?> text = ArbMap.Default.ArbFor<string?>();
        Prop.ForAll(text, text, text, (a, b, c) =>
        {
            var summary = new InvocationSummary(
                a ?? "", b ?? "", 3, c,
                new Dictionary<string, int>(StringComparer.Ordinal) { [a ?? "k"] = 1 },
                [new OutcomeSummary(b ?? "", c ?? "", a, b, c, a, b, c, a, b, [a ?? "", b ?? ""], c, b, a ?? "")],
                0);
            string written = Written(summary);
            InvocationSummary parsed = RemediationHandler.ParseResponse(Encoding.UTF8.GetBytes(written));
            return written == Serialized(summary) && parsed.Outcomes.Count == 1 && parsed.IntakeError == c;
        }).QuickCheckThrowOnFailure();
    }

    private static OutcomeSummary Outcome(string? text) => new(
        "Fixed", "PermissionMissing", text is null ? null : "MissingInvokePermission", text, text, text, text, text, text, text,
        text is null ? [] : ["policy", text], text, text, text ?? "detail");

    private static string Written(InvocationSummary summary) => Encoding.UTF8.GetString(InvocationSummaryWriter.ToUtf8(summary).Span);

    private static string Serialized(InvocationSummary summary) =>
        Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(summary, Serializer.InvocationSummary));
}
