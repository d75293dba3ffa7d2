using Remediator.Core.Intake;

namespace Remediator.Core.Tests.Support;

/// <summary>Builds small batches in code for tests that vary one thing at a time.</summary>
internal static class Batches
{
    public const string RestGroup = "API-Gateway-Execution-Logs_a1b2c3d4e5/prod";
    public const long Start = 1763703252000;

    public static LogBatch Of(string logGroup, params string[] messages) => new(
        SubscriptionMessageType.DataMessage,
        "123456789012",
        logGroup,
        "e369853df766fa44e1ed0ff613f563bd",
        ["remediator"],
        messages.Select((message, i) => new LogEvent($"3600000000000000000000{i:D6}", Start + i, message)).ToArray());

    public static LogBatch Rest(params string[] messages) => Of(RestGroup, messages);
}
