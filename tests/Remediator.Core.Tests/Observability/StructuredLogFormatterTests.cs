using Remediator.Core.Decisions;
using System.Text.Json;
using Remediator.Core.Notifications;
using Remediator.Core.Observability;

namespace Remediator.Core.Tests.Observability;

public class StructuredLogFormatterTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 14, 9, 26, 53, 589, TimeSpan.Zero);

    private static OutcomeLogEntry Fixed() => new(
        At,
        RequestId: "8f5e2a1c-0b6d-4e7a-9c3f-1d2e3f4a5b6c",
        RemediationOutcome.Fixed, OutcomeReason.PermissionMissing,
        Kind: "MissingInvokePermission",
        ApiId: "a1b2c3d4e5",
        Stage: "prod",
        FunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:orders-api",
        StatementId: "remediator-a1b2c3d4e5-any-GET-pets-x",
        Duration: TimeSpan.FromMilliseconds(123.456),
        Message: "Added permission for API a1b2c3d4e5 to invoke orders-api.");

    [Fact]
    public void Format_FixedOutcome_MatchesGolden()
    {
        Assert.Equal(
            """{"timestamp":"2025-03-14T09:26:53.589Z","level":"INFO","requestId":"8f5e2a1c-0b6d-4e7a-9c3f-1d2e3f4a5b6c","outcome":"fixed","kind":"MissingInvokePermission","apiId":"a1b2c3d4e5","stage":"prod","functionArn":"arn:aws:lambda:us-east-1:123456789012:function:orders-api","statementId":"remediator-a1b2c3d4e5-any-GET-pets-x","durationMs":123.46,"message":"Added permission for API a1b2c3d4e5 to invoke orders-api."}""",
            StructuredLogFormatter.Format(Fixed()));
    }

    [Fact]
    public void Format_NullFields_AreLeftOut()
    {
        var entry = new OutcomeLogEntry(At, null, RemediationOutcome.Ignored, OutcomeReason.InvalidPayload, null, null, null, null, null, null, "Payload was not a subscription payload.");

        Assert.Equal(
            """{"timestamp":"2025-03-14T09:26:53.589Z","level":"ERROR","outcome":"error","message":"Payload was not a subscription payload."}""",
            StructuredLogFormatter.Format(entry));
    }

    [Fact]
    public void Format_RuntimeEntry_MatchesGolden()
    {
        var entry = new RuntimeLogEntry(At, LogLevel.Error, "req-1", "Invocation failed: boom", "InvalidOperationException");

        Assert.Equal(
            """{"timestamp":"2025-03-14T09:26:53.589Z","level":"ERROR","requestId":"req-1","errorType":"InvalidOperationException","message":"Invocation failed: boom"}""",
            StructuredLogFormatter.Format(entry));
    }

    [Fact]
    public void Format_MessageWithLineBreaksQuotesAndFormatCharacters_StaysOneCleanLine()
    {
        // Escaping alone is not enough: a console that decodes the JSON would show the break and the bidi override.
        OutcomeLogEntry entry = Fixed() with { Message = "line one\nline \"two\"\r\n\ttab <b>+</b> ü\u202Eevil", ApiId = "a1b2\u200Bc3" };

        string line = StructuredLogFormatter.Format(entry);

        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\r', line);
        using JsonDocument document = JsonDocument.Parse(line);
        Assert.Equal("line one line \"two\"   tab <b>+</b> üevil", document.RootElement.GetProperty("message").GetString());
        Assert.Equal("a1b2c3", document.RootElement.GetProperty("apiId").GetString());
        Assert.Contains("<b>+</b> ü", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_HugeMessage_IsCutWithAMarker()
    {
        OutcomeLogEntry entry = Fixed() with { Message = new string('x', 300 * 1024) };

        using JsonDocument document = JsonDocument.Parse(StructuredLogFormatter.Format(entry));

        string message = document.RootElement.GetProperty("message").GetString()!;
        Assert.Equal(StructuredLogFormatter.MaxFieldChars, message.Length);
        Assert.EndsWith(UntrustedText.TruncationMarker, message, StringComparison.Ordinal);
    }

    [Fact]
    public void FormatTimestamp_NonUtcOffset_IsWrittenInUtc()
    {
        var local = new DateTimeOffset(2025, 3, 14, 11, 26, 53, 5, TimeSpan.FromHours(2));

        Assert.Equal("2025-03-14T09:26:53.005Z", StructuredLogFormatter.FormatTimestamp(local));
    }

    [Theory]
    [InlineData(RemediationOutcome.Fixed, OutcomeReason.PermissionMissing, "INFO", "fixed")]
    [InlineData(RemediationOutcome.AlreadyAllowed, OutcomeReason.PolicyAllows, "INFO", "alreadyAllowed")]
    [InlineData(RemediationOutcome.Recommended, OutcomeReason.PermissionMissing, "INFO", "recommended")]
    [InlineData(RemediationOutcome.Ticket, OutcomeReason.RoleBasedIntegration, "WARN", "ticket")]
    [InlineData(RemediationOutcome.Ticket, OutcomeReason.UnrecognizedFailure, "INFO", "notified")]
    [InlineData(RemediationOutcome.Observed, OutcomeReason.PermissionMissing, "INFO", "observed")]
    [InlineData(RemediationOutcome.Ticket, OutcomeReason.Exempted, "INFO", "exempt")]
    [InlineData(RemediationOutcome.Ignored, OutcomeReason.ClaimedElsewhere, "INFO", "ignored")]
    [InlineData(RemediationOutcome.Ticket, OutcomeReason.BreakerOpen, "WARN", "breakerOpen")]
    [InlineData(RemediationOutcome.Ignored, OutcomeReason.InvalidPayload, "ERROR", "error")]
    public void Format_EachOutcome_HasItsLevelAndSpelling(RemediationOutcome outcome, OutcomeReason reason, string level, string spelling)
    {
        using JsonDocument document = JsonDocument.Parse(StructuredLogFormatter.Format(Fixed() with { Outcome = outcome, Reason = reason }));

        Assert.Equal(level, document.RootElement.GetProperty("level").GetString());
        Assert.Equal(spelling, document.RootElement.GetProperty("outcome").GetString());
    }

    [Fact]
    public void OutcomeName_EveryOutcomeAndReason_HasAName()
    {
        foreach (RemediationOutcome outcome in Enum.GetValues<RemediationOutcome>())
        {
            Assert.All(Enum.GetValues<OutcomeReason>(), reason => Assert.NotEmpty(ObservabilityNames.OutcomeName(outcome, reason)));
        }
    }
}
