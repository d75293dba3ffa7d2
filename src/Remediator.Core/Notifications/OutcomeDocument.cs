using System.Globalization;
using System.Text.Json;
using Remediator.Core.Decisions;
using Remediator.Core.Engine;
using Remediator.Core.Policy;

namespace Remediator.Core.Notifications;

/// <summary>
/// The machine-readable notification (SNS <c>sqs</c> and <c>lambda</c> subscriptions), version
/// <see cref="SchemaVersion"/>, described by <c>schemas/notification.v1.schema.json</c>: every key always present,
/// null when not known; identifiers only in their known shape (otherwise null), free text cleaned and bounded.
/// </summary>
public static class OutcomeDocument
{
    /// <summary>The version of the document's shape; a change that is not an added optional key raises it.</summary>
    public const int SchemaVersion = 1;

    private const int MaxPathChars = 1024;
    private const int MaxCodeBytes = 8 * 1024;

    /// <summary>The document of an outcome, with its routing <paramref name="severity"/>.</summary>
    public static string Write(EngineOutcome outcome, string severity)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        bool grant = StatementIdFactory.IsValidStatementId(outcome.StatementId);
        return NotificationJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", SchemaVersion);
            w.WriteString("outcome", outcome.Outcome.ToString());
            w.WriteString("reason", outcome.Reason.ToString());
            NotificationJson.StringOrNull(w, "kind", outcome.Kind?.ToString());
            w.WriteString("severity", severity);
            NotificationJson.StringOrNull(w, "owner", SafeIdentifiers.TagValue(outcome.Owner));
            NotificationJson.StringOrNull(w, "accountId", SafeIdentifiers.AccountId(outcome.AccountId));
            NotificationJson.StringOrNull(w, "accountAlias", SafeIdentifiers.AccountAlias(outcome.AccountAlias));
            NotificationJson.StringOrNull(w, "region", Region(outcome.Region));
            NotificationJson.StringOrNull(w, "apiType", outcome.ApiId is null ? null : outcome.ApiType.ToString());
            NotificationJson.StringOrNull(w, "apiId", SafeIdentifiers.ApiId(outcome.ApiId));
            NotificationJson.StringOrNull(w, "stage", SafeIdentifiers.Stage(outcome.Stage));
            NotificationJson.StringOrNull(w, "httpMethod", Text(outcome.HttpMethod, 16));
            NotificationJson.StringOrNull(w, "resourcePath", Text(outcome.ResourcePath, MaxPathChars));
            NotificationJson.StringOrNull(w, "routeKey", Text(outcome.RouteKey, MaxPathChars));
            NotificationJson.StringOrNull(w, "authorizerId", SafeIdentifiers.ApiId(outcome.AuthorizerId));
            string? functionArn = outcome.FunctionArn is { } arn && LambdaFunctionArn.Parse(arn) is { IsSuccess: true } parsed ? parsed.Value!.UnqualifiedArn : null;
            NotificationJson.StringOrNull(w, "functionArn", functionArn);
            NotificationJson.StringOrNull(w, "functionName", functionArn is null ? null : SafeIdentifiers.FunctionName(outcome.FunctionName));
            NotificationJson.StringOrNull(w, "qualifier", SafeIdentifiers.Qualifier(outcome.Qualifier));
            NotificationJson.StringOrNull(w, "statementId", grant ? outcome.StatementId : null);
            NotificationJson.StringOrNull(w, "principal", grant ? PolicyConstants.ApiGatewayPrincipal : null);
            NotificationJson.StringOrNull(w, "action", grant ? PolicyConstants.InvokeFunctionAction : null);
            NotificationJson.StringOrNull(w, "sourceArn", Text(outcome.SourceArn, MaxPathChars));
            NotificationJson.StringOrNull(w, "requestSourceArn", Text(outcome.RequestSourceArn, MaxPathChars));
            NotificationJson.StringOrNull(w, "statement", Code(outcome.StatementJson));
            NotificationJson.StringOrNull(w, "addPermissionCommand", Code(outcome.AddPermissionCommand));
            NotificationJson.StringOrNull(w, "removePermissionCommand", Code(outcome.RemovePermissionCommand));
            NotificationJson.StringOrNull(w, "cloudFormation", Code(outcome.CloudFormationSnippet));
            NotificationJson.StringOrNull(w, "terraform", Code(outcome.TerraformSnippet));
            NotificationJson.StringOrNull(w, "ticketId", SafeIdentifiers.OpsItemId(outcome.OpsItemId));
            w.WriteString("ticketAction", outcome.TicketAction.ToString());
            NotificationJson.StringOrNull(w, "rootCauseKey", SafeIdentifiers.RootCauseKey(outcome.LedgerKey ?? outcome.Finding?.Fingerprint));
            if (outcome.Finding is { } finding)
            {
                w.WriteNumber("occurrences", finding.Occurrences);
                w.WriteString("firstSeen", Time(finding.FirstTimestamp));
                w.WriteString("lastSeen", Time(finding.LastTimestamp));
            }
            else
            {
                w.WriteNull("occurrences");
                w.WriteNull("firstSeen");
                w.WriteNull("lastSeen");
            }

            w.WriteString("detail", UntrustedText.Line(outcome.Detail, NotificationLimits.MaxLineChars));
            WriteNoSummary(w);
            w.WriteEndObject();
        });
    }

    /// <summary>The document of the notification cap's summary.</summary>
    public static string WriteSummary(SuppressedNotifications summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return AccountLevel(
            NotificationAttributes.SummaryOutcome,
            NotificationAttributes.NotificationCapReason,
            summary.AccountId,
            summary.AccountAlias,
            summary.Region,
            string.Create(CultureInfo.InvariantCulture, $"the hourly notification cap of {summary.Limit} was reached; {summary.Suppressed} notification(s) were held back so far this hour"),
            w =>
            {
                w.WriteStartObject("summary");
                w.WriteNumber("suppressed", summary.Suppressed);
                w.WriteNumber("limit", summary.Limit);
                w.WriteString("hourStart", Time(summary.HourStart));
                w.WriteEndObject();
                w.WriteNull("digest");
            });
    }

    /// <summary>The document of the scheduled sweep's digest: what was audited and how the targets ended, counted.</summary>
    public static string WriteDigest(SweepDigest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return AccountLevel(
            SweepDigestFormatter.DigestOutcome,
            SweepDigestFormatter.DigestReason,
            digest.AccountId,
            digest.AccountAlias,
            digest.Region,
            string.Create(CultureInfo.InvariantCulture, $"scheduled sweep of {digest.Report.Apis} API(s), {digest.Report.Stages} stage(s) and {digest.Report.Entries.Count} target(s)"),
            w =>
            {
                w.WriteNull("summary");
                w.WriteStartObject("digest");
                w.WriteNumber("apis", digest.Report.Apis);
                w.WriteNumber("stages", digest.Report.Stages);
                w.WriteNumber("targets", digest.Report.Entries.Count);
                w.WriteNumber("fixed", digest.Count(RemediationOutcome.Fixed));
                w.WriteNumber("recommended", digest.Count(RemediationOutcome.Recommended) + digest.Count(RemediationOutcome.Observed));
                w.WriteNumber("ticketed", digest.Count(RemediationOutcome.Ticket));
                w.WriteNumber("heldBack", digest.Count(RemediationOutcome.Ignored));
                w.WriteNumber("staleStatements", digest.Report.StaleStatements.Count);
                w.WriteNumber("policiesNearLimit", digest.Report.PolicyFindings.Count);
                w.WriteString("time", Time(digest.Time));
                w.WriteEndObject();
            });
    }

    // A message about Remediator's own run: no API, function or root cause; what it says is in its last keys.
    private static string AccountLevel(string outcome, string reason, string? accountId, string? accountAlias, string? region, string detail, Action<Utf8JsonWriter> tail) =>
        NotificationJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", SchemaVersion);
            w.WriteString("outcome", outcome);
            w.WriteString("reason", reason);
            w.WriteNull("kind");
            w.WriteString("severity", NotificationSeverity.Info);
            w.WriteNull("owner");
            NotificationJson.StringOrNull(w, "accountId", SafeIdentifiers.AccountId(accountId));
            NotificationJson.StringOrNull(w, "accountAlias", SafeIdentifiers.AccountAlias(accountAlias));
            NotificationJson.StringOrNull(w, "region", Region(region));
            foreach (string name in (string[])["apiType", "apiId", "stage", "httpMethod", "resourcePath", "routeKey", "authorizerId", "functionArn",
                "functionName", "qualifier", "statementId", "principal", "action", "sourceArn", "requestSourceArn", "statement", "addPermissionCommand",
                "removePermissionCommand", "cloudFormation", "terraform", "ticketId"])
            {
                w.WriteNull(name);
            }

            w.WriteString("ticketAction", "None");
            foreach (string name in (string[])["rootCauseKey", "occurrences", "firstSeen", "lastSeen"])
            {
                w.WriteNull(name);
            }

            w.WriteString("detail", detail);
            tail(w);
            w.WriteEndObject();
        });

    private static void WriteNoSummary(Utf8JsonWriter w)
    {
        w.WriteNull("summary");
        w.WriteNull("digest");
    }

    private static string? Region(string? region) => region is not null && ApiTarget.RegionPattern().IsMatch(region) ? region : null;

    // What Remediator built from checked values (a statement, a command, infrastructure code): lines kept, each
    // cleaned, the whole bounded far above any real grant (a few hundred bytes) and far below SNS's limit.
    private static string? Code(string? value) =>
        value is null ? null : UntrustedText.FitUtf8(string.Join('\n', value.Split('\n').Select(UntrustedText.Clean)), MaxCodeBytes);

    private static string? Text(string? value, int maxChars) => value is null ? null : UntrustedText.Line(value, maxChars);

    private static string Time(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
