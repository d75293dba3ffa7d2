using System.Globalization;
using Remediator.Core.Decisions;
using Remediator.Core.Engine;
using Remediator.Core.Tickets;

namespace Remediator.Core.Notifications;

/// <summary>
/// The text of every notification, written once: a subject of printable ASCII under 100 characters built only
/// from values of a known shape, attributes likewise, and a body a person can act on (what failed, the quoted
/// evidence, what was verified, what was done, the statement and the commands to apply or undo it), every field
/// cleaned and bounded and the whole within SNS's limit (docs/ARCHITECTURE.md, "Safety rules" 12).
/// </summary>
public static class NotificationFormatter
{
    /// <inheritdoc cref="NotificationLimits.MaxSubjectLength"/>
    public const int MaxSubjectLength = NotificationLimits.MaxSubjectLength;

    /// <summary>Formats the notification for a Fixed, Recommended or Ticket outcome.</summary>
    public static Notification Format(EngineOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        string subject = Subject(outcome);
        IReadOnlyDictionary<string, string> attributes = Attributes(outcome);
        string chat = ChatNotification.Write(outcome, subject, attributes);
        string document = OutcomeDocument.Write(outcome, NotificationSeverity.Of(outcome));
        return new Notification(subject, Fit(NotificationBody.Write(outcome), subject, attributes, chat, document), attributes, chat, document);
    }

    /// <summary>The subject line.</summary>
    public static string Subject(EngineOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        string? api = SafeIdentifiers.ApiId(outcome.ApiId);
        string? stage = SafeIdentifiers.Stage(outcome.Stage);
        string where = api is null ? string.Empty : stage is null ? $" ({api})" : $" ({api}/{stage})";
        string? function = FunctionForSubject(outcome);
        string subject = outcome.Outcome switch
        {
            RemediationOutcome.Fixed => $"Remediator fixed: API Gateway may now invoke {function ?? "its function"}{where}",
            RemediationOutcome.Recommended => $"Remediator recommends: allow API Gateway to invoke {function ?? "its function"}{where}",
            _ => $"Remediator ticket: {outcome.Reason} on {(api is null ? "an API" : stage is null ? api : $"{api}/{stage}")}"
                + (function is null ? string.Empty : $" ({function})"),
        };
        return SubjectLine(subject);
    }

    /// <summary>The message attributes: only values of their known shape; any other is left out.</summary>
    public static IReadOnlyDictionary<string, string> Attributes(EngineOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var attributes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Add(attributes, NotificationAttributes.Outcome, SafeIdentifiers.Token(outcome.Outcome.ToString()));
        Add(attributes, NotificationAttributes.Reason, SafeIdentifiers.Token(outcome.Reason.ToString()));
        Add(attributes, NotificationAttributes.Kind, SafeIdentifiers.Token(outcome.Kind?.ToString()));
        Add(attributes, NotificationAttributes.ApiId, SafeIdentifiers.ApiId(outcome.ApiId));
        Add(attributes, NotificationAttributes.FunctionName, SafeIdentifiers.FunctionName(outcome.FunctionName));
        Add(attributes, NotificationAttributes.AccountId, SafeIdentifiers.AccountId(outcome.AccountId));
        Add(attributes, NotificationAttributes.AccountAlias, SafeIdentifiers.AccountAlias(outcome.AccountAlias));
        Add(attributes, NotificationAttributes.OpsItemId, SafeIdentifiers.OpsItemId(outcome.OpsItemId));
        Add(attributes, NotificationAttributes.Severity, NotificationSeverity.Of(outcome));
        Add(attributes, NotificationAttributes.Owner, SafeIdentifiers.TagValue(outcome.Owner));
        return attributes;
    }

    /// <summary>The plain-text body, within what SNS leaves once the subject, attributes, chat card and document are counted.</summary>
    public static string Body(EngineOutcome outcome) => Format(outcome).Body;

    /// <summary>
    /// The one message of an hour in which the notification cap was reached: how many notifications were held back
    /// when it was sent, and where their outcomes (and the hour's final count) still are.
    /// </summary>
    public static Notification FormatSummary(SuppressedNotifications summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        string hour = summary.HourStart.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        string next = summary.HourStart.AddHours(1).UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture);
        string subject = SubjectLine(string.Create(
            CultureInfo.InvariantCulture, $"Remediator: notification cap reached, {summary.Suppressed} suppressed so far this hour"));
        var attributes = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [NotificationAttributes.Outcome] = NotificationAttributes.SummaryOutcome,
            [NotificationAttributes.Reason] = NotificationAttributes.NotificationCapReason,
        };
        Add(attributes, NotificationAttributes.AccountId, SafeIdentifiers.AccountId(summary.AccountId));
        Add(attributes, NotificationAttributes.AccountAlias, SafeIdentifiers.AccountAlias(summary.AccountAlias));
        attributes[NotificationAttributes.Severity] = NotificationSeverity.Info;
        string body = string.Create(CultureInfo.InvariantCulture, $"""
            Remediator reached its cap of {summary.Limit} notification(s) in the hour from {hour} UTC (REMEDIATOR_MAX_NOTIFICATIONS_PER_HOUR).

            {summary.Suppressed} notification(s) were suppressed in that hour when this message was sent; any more until {next} UTC are suppressed without another message.
            Nothing else changed: every outcome is still logged (one JSON line per outcome in Remediator's log group, marked "notification suppressed"), counted in the NotificationsSuppressed metric, which has the hour's final count, and recorded in the ledger. A recommendation or ticket is notified again when its root cause is next seen after the cap resets.

            Account {SafeIdentifiers.Account(summary.AccountId, summary.AccountAlias)}, region {UntrustedText.Line(summary.Region ?? "unknown", 64)}.

            """);
        body = body.ReplaceLineEndings("\n");
        string chat = ChatNotification.WriteNotice(subject, body, NotificationAttributes.SummaryOutcome, NotificationAttributes.NotificationCapReason, attributes);
        return Assemble(subject, body, attributes, chat, OutcomeDocument.WriteSummary(summary));
    }

    /// <summary>The notification of these parts, its text cut so the message of every protocol fits SNS's limit.</summary>
    internal static Notification Assemble(string subject, string body, IReadOnlyDictionary<string, string> attributes, string chat, string document) =>
        new(subject, Fit(body, subject, attributes, chat, document), attributes, chat, document);

    private static string Fit(string body, string subject, IReadOnlyDictionary<string, string> attributes, string chat, string document) =>
        NotificationEnvelope.FitText(body, chat, document, NotificationLimits.MessageBudget(subject, attributes));

    internal static string SubjectLine(string subject)
    {
        string ascii = UntrustedText.Only(subject, SafeIdentifiers.SubjectChars);
        return ascii.Length <= MaxSubjectLength ? ascii : string.Concat(ascii.AsSpan(0, MaxSubjectLength - 3), "...");
    }

    private static string? FunctionForSubject(EngineOutcome outcome) =>
        SafeIdentifiers.FunctionName(outcome.FunctionName) is not { } name ? null
        : SafeIdentifiers.Qualifier(outcome.Qualifier) is { } qualifier ? $"{name}:{qualifier}"
        : name;

    private static void Add(SortedDictionary<string, string> attributes, string name, string? value)
    {
        // SNS refuses empty attribute values.
        if (!string.IsNullOrEmpty(value))
        {
            attributes[name] = value;
        }
    }
}
