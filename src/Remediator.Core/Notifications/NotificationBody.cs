using System.Globalization;
using System.Text;
using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Engine;
using Remediator.Core.Tickets;

namespace Remediator.Core.Notifications;

/// <summary>
/// The body of a notification about one outcome. Every field is one clean, bounded line; text a log line said is
/// quoted and labelled as the log's, never mixed with Remediator's own sentences.
/// </summary>
internal static class NotificationBody
{
    public static string Write(EngineOutcome outcome)
    {
        var text = new StringBuilder();
        text.Append(Line(Headline(outcome))).Append("\n\n");

        Section(text, "WHAT FAILED");
        text.Append(WhatFailed(outcome)).Append('\n');
        if (outcome.Finding is { } finding)
        {
            text.Append(CultureInfo.InvariantCulture, $"{finding.Occurrences} request(s) failed between {Time(finding.FirstTimestamp)} and {Time(finding.LastTimestamp)}.\n");

            // Only ids of the shape the log prefix takes are shown; anything else is not an id.
            string[] requestIds = [.. finding.RequestIds.Select(SafeIdentifiers.RequestId).OfType<string>().Take(NotificationLimits.MaxListItems)];
            if (requestIds.Length > 0)
            {
                text.Append("Request ids: ").Append(string.Join(", ", requestIds)).Append('\n');
            }

            text.Append('\n');
            Section(text, $"EVIDENCE, quoted from log group {Quote(outcome.LogGroup ?? "unknown")} (the log's words, not Remediator's)");
            foreach (string line in finding.Evidence.Take(NotificationLimits.MaxListItems))
            {
                text.Append("  log: ").Append(Quote(line)).Append('\n');
            }

            AppendLeftOut(text, finding.Evidence.Count);

            if (outcome.LoggedFunctionArn is { } logged)
            {
                text.Append("  The log named function ").Append(Quote(logged)).Append(" (a hint; the control plane decides).\n");
            }
        }

        text.Append('\n');
        Section(text, "WHAT WAS VERIFIED (control plane; names in quotes are the resources' own)");
        if (outcome.Verified.Count == 0)
        {
            text.Append("  Nothing: no control-plane read was needed to decide.\n");
        }

        foreach (string step in outcome.Verified.Take(NotificationLimits.MaxListItems))
        {
            text.Append("  - ").Append(Line(step)).Append('\n');
        }

        AppendLeftOut(text, outcome.Verified.Count);

        text.Append('\n');
        Section(text, "WHAT WAS DONE");
        text.Append(WhatWasDone(outcome)).Append('\n');
        AppendFix(text, outcome);

        text.Append('\n').Append(CultureInfo.InvariantCulture, $"Account {SafeIdentifiers.Account(outcome.AccountId, outcome.AccountAlias)}, region {Line(outcome.Region ?? "unknown")}.");
        // The ledger key names the record to look up; outcomes built outside the engine carry only the finding.
        if ((outcome.LedgerKey ?? outcome.Finding?.Fingerprint) is { } rootCause)
        {
            text.Append(" Root cause ").Append(Line(rootCause)).Append('.');
        }

        if (SafeIdentifiers.OpsItemId(outcome.OpsItemId) is { } opsItem)
        {
            text.Append(" OpsCenter OpsItem ").Append(opsItem).Append(outcome.TicketAction == TicketAction.Resolved ? " (resolved)." : ".");
        }

        return text.Append('\n').ToString();
    }

    private static string Headline(EngineOutcome outcome) => outcome.Outcome switch
    {
        RemediationOutcome.Fixed => $"Remediator added a missing permission: API Gateway may now invoke {FunctionDisplay(outcome)}.",
        RemediationOutcome.Recommended => $"Remediator recommends a permission: API Gateway may not invoke {FunctionDisplay(outcome)}, and nothing was changed.",
        _ => $"Remediator needs a person ({outcome.Reason}): nothing was changed.",
    };

    private static string WhatFailed(EngineOutcome outcome)
    {
        string what = outcome.Kind is { } kind ? KindRules.Of(kind).WhatFailed : "The invocation's input could not be processed";
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
        text.Append(Block(outcome.StatementJson)).Append('\n');
        AppendCode(text, "THE SAME GRANT AS CLOUDFORMATION / SAM (an entry of the template's Resources)", outcome.CloudFormationSnippet);
        AppendCode(text, "THE SAME GRANT AS TERRAFORM", outcome.TerraformSnippet);
        if (applied && outcome.RemovePermissionCommand is { } undo)
        {
            text.Append('\n');
            Section(text, "TO UNDO");
            text.Append(Block(undo)).Append('\n');
        }
        else if (!applied && outcome.AddPermissionCommand is { } apply)
        {
            text.Append('\n');
            Section(text, "TO APPLY IT BY HAND");
            text.Append(Block(apply)).Append('\n');
        }
    }

    // Infrastructure code is several lines: each is cleaned and bounded like any other.
    private static void AppendCode(StringBuilder text, string title, string? code)
    {
        if (code is null)
        {
            return;
        }

        text.Append('\n');
        Section(text, title);
        foreach (string line in code.TrimEnd('\n').Split('\n'))
        {
            text.Append(Block(line)).Append('\n');
        }
    }

    // The resolved target is the control plane's; a request the control plane did not resolve is quoted as logged.
    private static string? Target(EngineOutcome outcome) =>
        outcome.AuthorizerId is not null ? $"authorizer {outcome.AuthorizerId}"
        : outcome.RouteKey is not null ? $"route {outcome.RouteKey}"
        : outcome.HttpMethod is not null ? $"method {outcome.HttpMethod} {outcome.ResourcePath}"
        : outcome.Finding is { HttpMethod: { } method, ResourcePath: { } path } ? $"the logged request {Quote($"{method} {path}")}"
        : outcome.Finding?.RouteKey is { } route ? $"the logged route {Quote(route)}"
        : null;

    private static string TypeName(ApiType type) => type switch
    {
        ApiType.Rest => "REST API ",
        ApiType.Http => "HTTP API ",
        ApiType.WebSocket => "WebSocket API ",
        _ => "API ",
    };

    private static string? FunctionDisplay(EngineOutcome outcome) =>
        outcome.FunctionName is not { } name ? null
        : outcome.Qualifier is { } qualifier ? $"{name}:{qualifier}"
        : name;

    private static void AppendLeftOut(StringBuilder text, int count)
    {
        if (count > NotificationLimits.MaxListItems)
        {
            text.Append(CultureInfo.InvariantCulture, $"  ({count - NotificationLimits.MaxListItems} more not shown)\n");
        }
    }

    private static void Section(StringBuilder text, string title) => text.Append(Line(title)).Append('\n');

    private static string Line(string text) => UntrustedText.Line(text, NotificationLimits.MaxLineChars);

    private static string Block(string text) => UntrustedText.Line(text, NotificationLimits.MaxBlockChars);

    private static string Quote(string text) => UntrustedText.Quote(text, NotificationLimits.MaxLineChars);

    private static string Time(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
