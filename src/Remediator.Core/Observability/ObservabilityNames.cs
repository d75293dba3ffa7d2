using Remediator.Core.Decisions;

namespace Remediator.Core.Observability;

/// <summary>Field, metric and dimension names of Remediator's log lines and metrics. Dashboards, alarms
/// and queries depend on these spellings: a test pins them.</summary>
public static class ObservabilityNames
{
    /// <summary>CloudWatch metric namespace.</summary>
    public const string Namespace = "Remediator";

    /// <summary>Log field names. <c>timestamp</c>, <c>level</c> and <c>requestId</c> are the ones Lambda's
    /// JSON log format reads (RFC 3339 timestamp; level for log-level filtering).</summary>
    public const string Timestamp = "timestamp";

    /// <inheritdoc cref="Timestamp"/>
    public const string Level = "level";

    /// <inheritdoc cref="Timestamp"/>
    public const string RequestId = "requestId";

    /// <inheritdoc cref="Timestamp"/>
    public const string OutcomeField = "outcome";

    /// <inheritdoc cref="Timestamp"/>
    public const string KindField = "kind";

    /// <inheritdoc cref="Timestamp"/>
    public const string ApiId = "apiId";

    /// <inheritdoc cref="Timestamp"/>
    public const string Stage = "stage";

    /// <inheritdoc cref="Timestamp"/>
    public const string FunctionArn = "functionArn";

    /// <inheritdoc cref="Timestamp"/>
    public const string StatementId = "statementId";

    /// <inheritdoc cref="Timestamp"/>
    public const string OpsItemId = "opsItemId";

    /// <inheritdoc cref="Timestamp"/>
    public const string DurationMs = "durationMs";

    /// <inheritdoc cref="Timestamp"/>
    public const string Message = "message";

    /// <inheritdoc cref="Timestamp"/>
    public const string ErrorType = "errorType";

    /// <summary>Metric names.</summary>
    public const string FindingsSeen = "FindingsSeen";

    /// <inheritdoc cref="FindingsSeen"/>
    public const string Fixed = "Fixed";

    /// <inheritdoc cref="FindingsSeen"/>
    public const string Tickets = "Tickets";

    /// <inheritdoc cref="FindingsSeen"/>
    public const string AlreadyAllowed = "AlreadyAllowed";

    /// <inheritdoc cref="FindingsSeen"/>
    public const string Errors = "Errors";

    /// <inheritdoc cref="FindingsSeen"/>
    public const string BreakerOpen = "BreakerOpen";

    /// <summary>Outcomes whose notification the hourly cap (<c>REMEDIATOR_MAX_NOTIFICATIONS_PER_HOUR</c>) held back.</summary>
    public const string NotificationsSuppressed = "NotificationsSuppressed";

    /// <summary>Every metric, in the order documents list them.</summary>
    public static IReadOnlyList<string> Metrics { get; } =
        [FindingsSeen, Fixed, Tickets, AlreadyAllowed, Errors, BreakerOpen, NotificationsSuppressed];

    /// <summary>Dimension names: only these two, both with a small fixed set of values, so the metric
    /// count (and the bill) stays bounded whatever the logs contain.</summary>
    public const string ModeDimension = "Mode";

    /// <inheritdoc cref="ModeDimension"/>
    public const string KindDimension = "Kind";

    /// <summary>Kind dimension value for outcomes that are not about a finding.</summary>
    public const string NoKind = "None";

    /// <summary>Kind dimension value for a kind that does not look like a catalogue name.</summary>
    public const string OtherKind = "Other";

    /// <summary>The EMF unit of every Remediator metric.</summary>
    public const string CountUnit = "Count";

    /// <summary>
    /// The log spelling of how a finding ended: the outcome's name, except for the tickets and refusals that
    /// operators watch apart (breaker open, exempt, notify-only, refused payload or event).
    /// </summary>
    public static string OutcomeName(RemediationOutcome outcome, OutcomeReason reason) => (outcome, reason) switch
    {
        (RemediationOutcome.Fixed, _) => "fixed",
        (RemediationOutcome.AlreadyAllowed, _) => "alreadyAllowed",
        (RemediationOutcome.Recommended, _) => "recommended",
        (RemediationOutcome.Observed, _) => "observed",
        (RemediationOutcome.Ticket, OutcomeReason.BreakerOpen) => BreakerOpenName,
        (RemediationOutcome.Ticket, OutcomeReason.Exempted) => "exempt",
        (RemediationOutcome.Ticket, OutcomeReason.UnrecognizedFailure) => "notified",
        (RemediationOutcome.Ticket, _) => TicketName,
        (RemediationOutcome.Ignored, OutcomeReason.InvalidPayload or OutcomeReason.UndecodableEvent) => ErrorName,
        (RemediationOutcome.Ignored, _) => "ignored",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown outcome."),
    };

    /// <summary>The outcome name of a ticket (counted in <c>Tickets</c>).</summary>
    public const string TicketName = "ticket";

    /// <summary>The outcome name of a fix the breaker stopped (counted in <c>BreakerOpen</c>).</summary>
    public const string BreakerOpenName = "breakerOpen";

    /// <summary>The outcome name of a refused payload or an unreadable event (counted in <c>Errors</c>).</summary>
    public const string ErrorName = "error";

    /// <summary>The Lambda JSON log spelling of a level.</summary>
    public static string ToLogValue(this LogLevel level) => level switch
    {
        LogLevel.Info => "INFO",
        LogLevel.Warn => "WARN",
        LogLevel.Error => "ERROR",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown level."),
    };

    /// <summary>The level an outcome (by its <see cref="OutcomeName"/>) is logged at: operators alert on WARN and ERROR.</summary>
    public static LogLevel LevelOf(string outcomeName) => outcomeName switch
    {
        ErrorName => LogLevel.Error,
        TicketName or BreakerOpenName => LogLevel.Warn,
        _ => LogLevel.Info,
    };
}
