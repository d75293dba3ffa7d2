using System.Globalization;
using System.Text;
using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Engine;
using Remediator.Core.Tickets;

namespace Remediator.Core.Notifications;

/// <summary>
/// The text of every notification, written once: a subject under 100 ASCII characters without line
/// breaks, and a body a person can act on (what failed, the evidence, what was verified, what was done,
/// the statement and the commands to apply or undo it).
/// </summary>
public static class NotificationFormatter
{
    /// <summary>SNS takes subjects shorter than 100 characters.</summary>
    public const int MaxSubjectLength = 99;

    /// <summary>Formats the notification for a Fixed, Recommended or Ticket outcome.</summary>
    public static Notification Format(EngineOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new Notification(Subject(outcome), Body(outcome), Attributes(outcome));
    }

    /// <summary>The subject line.</summary>
    public static string Subject(EngineOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        string where = outcome.ApiId is null ? string.Empty : $" ({outcome.ApiId}/{outcome.Stage})";
        string function = FunctionDisplay(outcome, qualified: true) ?? "its function";
        string subject = outcome.Outcome switch
        {
            RemediationOutcome.Fixed => $"Remediator fixed: API Gateway may now invoke {function}{where}",
            RemediationOutcome.Recommended => $"Remediator recommends: allow API Gateway to invoke {function}{where}",
            _ => $"Remediator ticket: {outcome.Reason} on {outcome.ApiId ?? "an API"}{(outcome.Stage is null ? string.Empty : "/" + outcome.Stage)}"
                + (FunctionDisplay(outcome, qualified: true) is { } name ? $" ({name})" : string.Empty),
        };
        return Clip(Ascii(subject), MaxSubjectLength);
    }

    /// <summary>The message attributes.</summary>
    public static IReadOnlyDictionary<string, string> Attributes(EngineOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var attributes = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [NotificationAttributes.Outcome] = outcome.Outcome.ToString(),
            [NotificationAttributes.Reason] = outcome.Reason.ToString(),
        };
        Add(attributes, NotificationAttributes.Kind, outcome.Kind?.ToString());
        Add(attributes, NotificationAttributes.ApiId, outcome.ApiId);
        Add(attributes, NotificationAttributes.FunctionName, outcome.FunctionName);
        Add(attributes, NotificationAttributes.AccountId, outcome.AccountId);
        Add(attributes, NotificationAttributes.OpsItemId, outcome.OpsItemId);
        return attributes;
    }

    /// <summary>The plain-text body.</summary>
    public static string Body(EngineOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var text = new StringBuilder();
        text.Append(Headline(outcome)).Append("\n\n");

        Section(text, "WHAT FAILED");
        text.Append(WhatFailed(outcome)).Append('\n');
        if (outcome.Finding is { } finding)
        {
            text.Append(CultureInfo.InvariantCulture, $"{finding.Occurrences} request(s) failed between {Time(finding.FirstTimestamp)} and {Time(finding.LastTimestamp)}.\n");
            if (finding.RequestIds.Count > 0)
            {
                text.Append("Request ids: ").Append(Line(string.Join(", ", finding.RequestIds))).Append('\n');
            }

            text.Append('\n');
            Section(text, $"EVIDENCE (log group {Line(outcome.LogGroup ?? "unknown")})");
            foreach (string line in finding.Evidence)
            {
                text.Append("  ").Append(Line(line)).Append('\n');
            }

            if (outcome.LoggedFunctionArn is { } logged)
            {
                text.Append("  The log named function ").Append(Line(logged)).Append(" (a hint; the control plane decides).\n");
            }
        }

        text.Append('\n');
        Section(text, "WHAT WAS VERIFIED (control plane)");
        if (outcome.Verified.Count == 0)
        {
            text.Append("  Nothing: no control-plane read was needed to decide.\n");
        }

        foreach (string step in outcome.Verified)
        {
            text.Append("  - ").Append(Line(step)).Append('\n');
        }

        text.Append('\n');
        Section(text, "WHAT WAS DONE");
        text.Append(WhatWasDone(outcome)).Append('\n');
        AppendFix(text, outcome);

        text.Append('\n').Append(CultureInfo.InvariantCulture, $"Account {outcome.AccountId ?? "unknown"}, region {outcome.Region ?? "unknown"}.");
        // The ledger key names the record to look up; outcomes built outside the engine carry only the finding.
        if ((outcome.LedgerKey ?? outcome.Finding?.Fingerprint) is { } rootCause)
        {
            text.Append(" Root cause ").Append(rootCause).Append('.');
        }

        if (outcome.OpsItemId is { } opsItem)
        {
            text.Append(" OpsCenter OpsItem ").Append(opsItem).Append(outcome.TicketAction == TicketAction.Resolved ? " (resolved)." : ".");
        }

        return text.Append('\n').ToString();
    }

    private static string Headline(EngineOutcome outcome) => outcome.Outcome switch
    {
        RemediationOutcome.Fixed => $"Remediator added a missing permission: API Gateway may now invoke {FunctionDisplay(outcome, qualified: true)}.",
        RemediationOutcome.Recommended => $"Remediator recommends a permission: API Gateway may not invoke {FunctionDisplay(outcome, qualified: true)}, and nothing was changed.",
        _ => $"Remediator needs a person ({outcome.Reason}): nothing was changed.",
    };

    private static string WhatFailed(EngineOutcome outcome)
    {
        string what = outcome.Kind switch
        {
            FindingKind.MissingInvokePermission => "API Gateway was refused when it invoked the integration's Lambda function",
            FindingKind.AuthorizerInvokePermission => "API Gateway was refused when it invoked the Lambda authorizer",
            FindingKind.MalformedProxyResponse => "The Lambda function returned a malformed proxy response (502)",
            FindingKind.PackagePermissionDenied => "The Lambda runtime could not read the function's deployment package (502)",
            FindingKind.HandlerNotFound => "The Lambda function's handler could not be found (502)",
            FindingKind.FunctionError => "The Lambda function failed with its own error (502)",
            FindingKind.Unrecognized => "The API answered with a 5xx that Remediator does not recognise",
            _ => "The invocation's input could not be processed",
        };
        string api = outcome.ApiId is null
            ? string.Empty
            : $" on {TypeName(outcome.ApiType)}{outcome.ApiId}, stage {outcome.Stage}";
        string target = Target(outcome) is { } described ? $", {described}" : string.Empty;
        return Line($"{what}{api}{target}.");
    }

    private static string WhatWasDone(EngineOutcome outcome) => outcome.Outcome switch
    {
        RemediationOutcome.Fixed or RemediationOutcome.Recommended => Sentence(outcome.Detail),
        _ => Sentence($"nothing was changed: {outcome.Detail}"),
    };

    private static string Sentence(string text)
    {
        string line = Line(text).TrimEnd('.');
        return line.Length == 0 ? line : string.Concat(char.ToUpperInvariant(line[0]).ToString(), line.AsSpan(1), ".");
    }

    private static void AppendFix(StringBuilder text, EngineOutcome outcome)
    {
        if (outcome.StatementJson is null)
        {
            return;
        }

        bool applied = outcome.Outcome == RemediationOutcome.Fixed;
        text.Append('\n');
        Section(text, applied ? "STATEMENT ADDED" : "THE STATEMENT THAT WOULD FIX IT");
        text.Append(Line(outcome.StatementJson)).Append('\n');
        if (applied && outcome.RemovePermissionCommand is { } undo)
        {
            text.Append('\n');
            Section(text, "TO UNDO");
            text.Append(Line(undo)).Append('\n');
        }
        else if (!applied && outcome.AddPermissionCommand is { } apply)
        {
            text.Append('\n');
            Section(text, "TO APPLY IT BY HAND");
            text.Append(Line(apply)).Append('\n');
        }
    }

    private static string? Target(EngineOutcome outcome) =>
        outcome.AuthorizerId is not null ? $"authorizer {outcome.AuthorizerId}"
        : outcome.RouteKey is not null ? $"route {outcome.RouteKey}"
        : outcome.HttpMethod is not null ? $"method {outcome.HttpMethod} {outcome.ResourcePath}"
        : outcome.Finding is { HttpMethod: { } method, ResourcePath: { } path } ? $"request {method} {path}"
        : outcome.Finding?.RouteKey is { } route ? $"route {route}"
        : null;

    private static string TypeName(ApiType type) => type switch
    {
        ApiType.Rest => "REST API ",
        ApiType.Http => "HTTP API ",
        ApiType.WebSocket => "WebSocket API ",
        _ => "API ",
    };

    private static string? FunctionDisplay(EngineOutcome outcome, bool qualified) =>
        outcome.FunctionName is not { } name ? null
        : qualified && outcome.Qualifier is { } qualifier ? $"{name}:{qualifier}"
        : name;

    private static void Section(StringBuilder text, string title) => text.Append(title).Append('\n');

    private static string Time(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void Add(SortedDictionary<string, string> attributes, string name, string? value)
    {
        // SNS refuses empty attribute values.
        if (!string.IsNullOrEmpty(value))
        {
            attributes[name] = value;
        }
    }

    // Logged text is the caller's: one line each, no control characters.
    private static string Line(string text)
    {
        var line = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            line.Append(char.IsControl(c) ? ' ' : c);
        }

        return line.ToString();
    }

    private static string Ascii(string text)
    {
        var ascii = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            ascii.Append(c is >= ' ' and <= '~' ? c : '?');
        }

        return ascii.ToString();
    }

    private static string Clip(string text, int length) =>
        text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 3), "...");
}
