using Remediator.Core.Decisions;
using Remediator.Core.Engine;
using Remediator.Core.Tickets;

namespace Remediator.Core.Notifications;

/// <summary>
/// The <c>severity</c> a notification is routed by (docs/ARCHITECTURE.md, "Tickets"): <c>high</c> while API Gateway
/// cannot reach the function at all, <c>medium</c> when the function itself fails or the failure is unrecognised (the
/// OpsItem's severities 2 and 3), <c>info</c> for what needs nobody (a fix made, the cap's summary).
/// </summary>
public static class NotificationSeverity
{
    /// <summary>A failure that makes the API unusable.</summary>
    public const string High = "high";

    /// <summary>A failure a person should look at.</summary>
    public const string Medium = "medium";

    /// <summary>Nothing is broken any more, or the message is about Remediator itself.</summary>
    public const string Info = "info";

    /// <summary>The severity of <paramref name="outcome"/>.</summary>
    public static string Of(EngineOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Outcome is RemediationOutcome.Recommended or RemediationOutcome.Ticket
            ? TicketClass.Of(outcome.Reason, outcome.Kind).Severity == "2" ? High : Medium
            : Info;
    }
}
