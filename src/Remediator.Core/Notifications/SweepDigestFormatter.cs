using System.Globalization;
using System.Text;
using Remediator.Core.Audit;
using Remediator.Core.Decisions;
using Remediator.Core.Engine;

namespace Remediator.Core.Notifications;

/// <summary>
/// The scheduled sweep's one notification: how many APIs, stages and targets were audited, what was fixed,
/// recommended or ticketed, which targets fail for reasons no grant cures, Remediator's stale statements and the policies
/// near Lambda's 20 KB limit, each line bounded and every field
/// cleaned as in every notification (docs/ARCHITECTURE.md, "Safety rules" 12).
/// </summary>
public static class SweepDigestFormatter
{
    /// <summary>The digest's outcome attribute.</summary>
    public const string DigestOutcome = "Digest";

    /// <summary>The digest's reason attribute.</summary>
    public const string DigestReason = "ScheduledSweep";

    private const int MaxLinesPerSection = 50;

    /// <summary>Formats the digest.</summary>
    public static Notification Format(SweepDigest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        AuditReport report = digest.Report;
        int fixedNow = digest.Count(RemediationOutcome.Fixed);
        int recommended = digest.Count(RemediationOutcome.Recommended) + digest.Count(RemediationOutcome.Observed);
        int tickets = digest.Count(RemediationOutcome.Ticket);
        string subject = NotificationFormatter.SubjectLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Remediator sweep: {report.Entries.Count} targets on {report.Stages} stages, {fixedNow} fixed, {recommended} recommended, {tickets} ticketed"));
        var attributes = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [NotificationAttributes.Outcome] = DigestOutcome,
            [NotificationAttributes.Reason] = DigestReason,
        };
        if (SafeIdentifiers.AccountId(digest.AccountId) is { } account)
        {
            attributes[NotificationAttributes.AccountId] = account;
        }

        if (SafeIdentifiers.AccountAlias(digest.AccountAlias) is { } alias)
        {
            attributes[NotificationAttributes.AccountAlias] = alias;
        }

        attributes[NotificationAttributes.Severity] = NotificationSeverity.Info;

        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"Remediator's scheduled sweep of account {SafeIdentifiers.Account(digest.AccountId, digest.AccountAlias)}, region {UntrustedText.Line(digest.Region, 64)}, ")
            .Append(CultureInfo.InvariantCulture, $"at {digest.Time.UtcDateTime:yyyy-MM-dd HH:mm} UTC (EventBridge event {UntrustedText.Line(digest.EventId, 128)}), audited ")
            .Append(CultureInfo.InvariantCulture, $"{report.Apis} API(s), {report.Stages} stage(s) and {report.Entries.Count} Lambda target(s).\n\n")
            .Append(CultureInfo.InvariantCulture, $"Allowed: {digest.Count(AuditStatus.Allowed)}. Missing a permission: {digest.Count(AuditStatus.Missing)}: ")
            .Append(CultureInfo.InvariantCulture, $"{fixedNow} fixed, {recommended} recommended, {tickets} ticketed, {digest.Count(RemediationOutcome.Ignored)} left for a later run (a cap or another invocation holds them).\n");
        if (digest.StartedAfter is not null || report.ResumeAfter is not null)
        {
            string from = digest.StartedAfter is { } after ? $"after {UntrustedText.Line(after, 80)}, where the last run stopped" : "from the first API";
            string to = report.ResumeAfter is { } stop
                ? $" and stopped after {UntrustedText.Line(stop, 80)} when its time for reads was up: the next run goes on from there"
                : " to the last API: the next run starts at the first again";
            body.Append("\nThis run went on ").Append(from).Append(to).Append(".\n");
        }

        Section(body, "What was done", digest.Outcomes.Where(o => o.Outcome != RemediationOutcome.Ignored).Select(Line));
        Section(body, "Held back", digest.Outcomes.Where(o => o.Outcome == RemediationOutcome.Ignored).Select(Line));
        Section(
            body,
            "Failing for reasons a grant does not cure (see `remediator audit`)",
            report.Entries.Where(e => e.Status != AuditStatus.Missing && AuditClassifier.Blocks(e.Status)).Select(e =>
                $"{e.Status}: {Where(e.ApiId, e.Stage)} {UntrustedText.Line(e.Target, 200)} -> {UntrustedText.Line(e.FunctionArn ?? "no function", 200)}: {UntrustedText.Line(e.Detail, 300)}"));
        Section(
            body,
            "Stale statements Remediator added: their API, stage or route no longer exists (`remediator revert --stale` removes them)",
            report.StaleStatements.Select(s =>
                $"{UntrustedText.Line(s.Qualifier is null ? s.FunctionArn : $"{s.FunctionArn}:{s.Qualifier}", 200)} statement {UntrustedText.Line(s.StatementId, 100)}: {UntrustedText.Line(s.Staleness!.Detail, 300)}"));
        Section(
            body,
            $"Function policies above 80% of Lambda's {PolicyLimits.PolicySizeLimitBytes}-byte limit (`remediator audit` prints the consolidation it proposes; nothing is changed)",
            report.PolicyFindings.Select(f => string.Create(
                CultureInfo.InvariantCulture,
                $"{UntrustedText.Line(f.Qualifier is null ? f.FunctionArn : $"{f.FunctionArn}:{f.Qualifier}", 200)}: {f.SizeBytes} bytes ({f.PercentOfLimit}%), {f.Statements} statement(s){(f.Proposal is { } p ? string.Create(CultureInfo.InvariantCulture, $", {p.SizeBytes} bytes once consolidated") : ", no consolidation proposed")}")));
        body.Append("\nEvery outcome is also one JSON line in Remediator's log group; each fix is recorded in the ledger (`remediator revert --from-ledger` undoes it).\n");
        // The chat card holds the counts only: the lines above quote targets and resources' own details.
        string card = string.Create(CultureInfo.InvariantCulture, $"""
            *Audited:* {report.Apis} API(s), {report.Stages} stage(s), {report.Entries.Count} Lambda target(s)
            *Fixed:* {fixedNow}
            *Recommended:* {recommended}
            *Ticketed:* {tickets}
            *Held back:* {digest.Count(RemediationOutcome.Ignored)}
            The e-mail lists every target.
            """).ReplaceLineEndings("\n");
        return NotificationFormatter.Assemble(
            subject, body.ToString(), attributes, ChatNotification.WriteNotice(subject, card, DigestOutcome, DigestReason, attributes), OutcomeDocument.WriteDigest(digest));
    }

    private static string Line(EngineOutcome outcome) =>
        $"{outcome.Outcome} ({outcome.Reason}): {Where(outcome.ApiId, outcome.Stage)} "
        + UntrustedText.Line(outcome.FunctionArn is null ? "no function" : outcome.Qualifier is null ? outcome.FunctionArn : $"{outcome.FunctionArn}:{outcome.Qualifier}", 200)
        + (outcome.StatementId is null ? string.Empty : $", statement {UntrustedText.Line(outcome.StatementId, 100)}")
        + (outcome.OpsItemId is null ? string.Empty : $", OpsItem {SafeIdentifiers.OpsItemId(outcome.OpsItemId)}");

    private static string Where(string? apiId, string? stage) =>
        $"{SafeIdentifiers.ApiId(apiId) ?? "?"}/{(stage == "$default" ? stage : SafeIdentifiers.Stage(stage) ?? "?")}";

    private static void Section(StringBuilder body, string title, IEnumerable<string> lines)
    {
        string[] all = lines.ToArray();
        if (all.Length == 0)
        {
            return;
        }

        body.Append('\n').Append(title).Append(":\n");
        foreach (string line in all.Take(MaxLinesPerSection))
        {
            body.Append("- ").Append(line).Append('\n');
        }

        if (all.Length > MaxLinesPerSection)
        {
            body.Append(CultureInfo.InvariantCulture, $"- and {all.Length - MaxLinesPerSection} more\n");
        }
    }
}
