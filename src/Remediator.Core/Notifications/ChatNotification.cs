using System.Text;
using System.Text.Json;
using Remediator.Core.Decisions;
using Remediator.Core.Engine;
using Remediator.Core.Tickets;

namespace Remediator.Core.Notifications;

/// <summary>
/// The custom notification AWS Chatbot / Amazon Q Developer in chat applications renders in Slack, Microsoft Teams
/// and Amazon Chime (SNS <c>https</c> subscriptions). Shape: Amazon Q Developer in chat applications Administrator
/// Guide, "Custom notifications using Amazon Q Developer in chat applications", event schema — <c>version</c> "1.0",
/// <c>source</c> "custom", <c>content</c> (<c>textType</c> "client-markdown", <c>title</c>, <c>description</c>,
/// <c>nextSteps</c>, <c>keywords</c>) and <c>metadata</c> (<c>threadId</c>, <c>summary</c>, <c>eventType</c>,
/// <c>relatedResources</c>, <c>additionalContext</c>). The thread is the root cause, so one root cause stays one
/// thread. Markdown is rendered, so the card holds only Remediator's own sentences and values of a known shape; a
/// resource's own names and the log's words stay in the e-mail text.
/// </summary>
internal static class ChatNotification
{
    /// <summary>The schema version the service requires.</summary>
    public const string Version = "1.0";

    /// <summary>The source the service requires of custom notifications.</summary>
    public const string Source = "custom";

    /// <summary>The only text type the service supports.</summary>
    public const string TextType = "client-markdown";

    // Remediator's own bounds, to keep a card readable; every value below is far shorter in practice.
    private const int MaxTitleChars = 250;
    private const int MaxDescriptionBytes = 4000;
    private const int MaxStepChars = 1000;

    /// <summary>The card for an outcome whose notification has <paramref name="subject"/> and <paramref name="attributes"/>.</summary>
    public static string Write(EngineOutcome outcome, string subject, IReadOnlyDictionary<string, string> attributes)
    {
        var description = new StringBuilder();
        Fact(description, "What failed", outcome.Kind is { } kind ? KindRules.Of(kind).WhatFailed : null);
        Fact(description, "API", Where(outcome));
        Fact(description, "Function", Function(outcome));
        Fact(description, "Outcome", $"{outcome.Outcome} ({outcome.Reason})");
        Fact(description, "Severity", attributes.GetValueOrDefault(NotificationAttributes.Severity));
        Fact(description, "Owner", Code(attributes.GetValueOrDefault(NotificationAttributes.Owner)));
        Fact(description, "OpsItem", Code(SafeIdentifiers.OpsItemId(outcome.OpsItemId)));
        Fact(description, "Account", $"{Code(SafeIdentifiers.AccountId(outcome.AccountId))}{(SafeIdentifiers.AccountAlias(outcome.AccountAlias) is { } alias ? $" ({Code(alias)})" : string.Empty)} {Code(outcome.Region is { } region && Policy.ApiTarget.RegionPattern().IsMatch(region) ? region : null)}");
        description.Append("The e-mail and the OpsItem carry the evidence, what was verified and the grant as CloudFormation and Terraform.");

        string? thread = SafeIdentifiers.RootCauseKey(outcome.LedgerKey ?? outcome.Finding?.Fingerprint);
        return Card(subject, description.ToString(), NextSteps(outcome), Keywords(outcome), thread, TicketContent.ResourceArns(outcome), outcome.Outcome.ToString(), attributes);
    }

    /// <summary>
    /// The card of a message about Remediator's own run (the notification cap's summary, the sweep's digest):
    /// <paramref name="description"/> must be Remediator's own sentences and counts only.
    /// </summary>
    public static string WriteNotice(string subject, string description, string outcome, string reason, IReadOnlyDictionary<string, string> attributes) =>
        Card(subject, description, [], [outcome, reason], null, [], outcome, attributes);

    private static string Card(
        string subject, string description, IReadOnlyList<string> nextSteps, IReadOnlyList<string> keywords, string? thread,
        IReadOnlyList<string> resources, string eventType, IReadOnlyDictionary<string, string> attributes) =>
        NotificationJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("version", Version);
            w.WriteString("source", Source);
            w.WriteStartObject("content");
            w.WriteString("textType", TextType);
            w.WriteString("title", Clip(subject, MaxTitleChars));
            // Line breaks stay: every line is Remediator's own text or a value of a known shape.
            w.WriteString("description", UntrustedText.FitUtf8(description, MaxDescriptionBytes));
            Strings(w, "nextSteps", nextSteps);
            Strings(w, "keywords", keywords);
            w.WriteEndObject();
            w.WriteStartObject("metadata");
            if (thread is not null)
            {
                w.WriteString("threadId", thread);
            }

            w.WriteString("summary", subject);
            w.WriteString("eventType", eventType);
            Strings(w, "relatedResources", resources);
            w.WriteStartObject("additionalContext");
            foreach ((string name, string value) in attributes)
            {
                w.WriteString(name, value);
            }

            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        });

    private static List<string> NextSteps(EngineOutcome outcome)
    {
        var steps = new List<string>();
        string? opsItem = SafeIdentifiers.OpsItemId(outcome.OpsItemId);
        switch (outcome.Outcome)
        {
            case RemediationOutcome.Fixed:
                steps.Add("Nothing is broken any more. Codify the grant (CloudFormation or Terraform, in the e-mail) so the next deployment keeps it.");
                if (outcome.RemovePermissionCommand is { } undo)
                {
                    steps.Add("If the grant is unwanted, undo it: " + Code(undo));
                }

                break;
            case RemediationOutcome.Recommended:
                if (outcome.AddPermissionCommand is { } apply)
                {
                    steps.Add("Apply the grant: " + Code(apply));
                }

                steps.Add("Or codify it (CloudFormation or Terraform, in the e-mail) and deploy.");
                break;
            default:
                if (outcome.Kind is { } kind)
                {
                    steps.Add(Capitalized(KindRules.Of(kind).Remedy) + ".");
                }

                break;
        }

        if (opsItem is not null)
        {
            steps.Add($"Track it in OpsCenter OpsItem {Code(opsItem)}.");
        }

        return [.. steps.Select(step => Clip(step, MaxStepChars))];
    }

    private static List<string> Keywords(EngineOutcome outcome)
    {
        var keywords = new List<string> { outcome.Outcome.ToString(), outcome.Reason.ToString() };
        if (outcome.Kind is { } kind)
        {
            keywords.Add(kind.ToString());
        }

        if (SafeIdentifiers.ApiId(outcome.ApiId) is { } api)
        {
            keywords.Add(api);
        }

        return keywords;
    }

    private static string? Where(EngineOutcome outcome) =>
        SafeIdentifiers.ApiId(outcome.ApiId) is not { } api ? null
        : SafeIdentifiers.Stage(outcome.Stage) is { } stage ? $"{outcome.ApiType} API {Code(api)}, stage {Code(stage)}"
        : $"{outcome.ApiType} API {Code(api)}";

    private static string? Function(EngineOutcome outcome) =>
        SafeIdentifiers.FunctionName(outcome.FunctionName) is not { } name ? null
        : SafeIdentifiers.Qualifier(outcome.Qualifier) is { } qualifier ? Code($"{name}:{qualifier}")
        : Code(name);

    private static void Fact(StringBuilder text, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            text.Append('*').Append(name).Append(":* ").Append(value).Append('\n');
        }
    }

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (string value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    // Inline code: the value is built from checked parts; a backtick could still end the span, so none is kept.
    private static string? Code(string? value) => value is null ? null : "`" + UntrustedText.Line(value, NotificationLimits.MaxBlockChars).Replace('`', '\'') + "`";

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Clip(string text, int maxChars) => UntrustedText.Line(text, maxChars);
}
