using System.Text.Json.Serialization;
using Remediator.Cli.Operator;
using Remediator.Core.Audit;
using Remediator.Core.Tickets;

namespace Remediator.Cli.Output;

/// <summary>
/// <c>audit --accounts ... --output json</c>: one document for every account × region. <c>accounts</c> says how each
/// target account fared (an error beside the others' results); <c>targets</c>, <c>remediatorStatements</c>,
/// <c>policyFindings</c> and <c>notes</c> are the single-account lists merged, each item naming its account and region.
/// </summary>
internal sealed record AccountsAuditJson(
    [property: JsonPropertyName("accounts")] IReadOnlyList<AccountRunJson> Accounts,
    [property: JsonPropertyName("targets")] IReadOnlyList<AuditTargetJson> Targets,
    [property: JsonPropertyName("remediatorStatements")] IReadOnlyList<AuditStatementJson> RemediatorStatements,
    [property: JsonPropertyName("notes")] IReadOnlyList<AccountNoteJson> Notes,
    [property: JsonPropertyName("missing")] bool Missing,
    [property: JsonPropertyName("failed")] bool Failed,
    [property: JsonPropertyName("policyFindings")] IReadOnlyList<AuditPolicyFindingJson> PolicyFindings,
    [property: JsonPropertyName("resolvedOpsItems")] IReadOnlyList<string>? ResolvedOpsItems)
{
    public static AccountsAuditJson From(IReadOnlyList<TargetRun<AccountAudit>> runs, bool resolveTickets) => new(
        [.. runs.Select(AccountRunJson.From)],
        [.. runs.Where(r => r.Value is not null).SelectMany(r => r.Value!.Report.Entries.Select(e => AuditTargetJson.From(e) with { Account = r.Account, Region = r.Region }))],
        [.. runs.Where(r => r.Value is not null).SelectMany(r => r.Value!.Report.Statements.Select(s => AuditStatementJson.From(s) with { Account = r.Account, Region = r.Region }))],
        [.. runs.Where(r => r.Value is not null).SelectMany(r => r.Value!.Report.Notes.Select(n => new AccountNoteJson(r.Account, r.Region, n)))],
        runs.Any(r => r.Value?.Report.HasBlockingEntries == true),
        runs.Any(r => r.Value is null),
        [.. runs.Where(r => r.Value is not null).SelectMany(r => r.Value!.Report.PolicyFindings.Select(f => AuditPolicyFindingJson.From(f) with { Account = r.Account, Region = r.Region }))],
        resolveTickets ? [.. runs.SelectMany(r => r.Value?.Resolved ?? []).Select(t => t.OpsItemId)] : null);
}

/// <summary>What one account × region of an account-wide audit produced, or why it failed.</summary>
internal sealed record AccountRunJson(
    [property: JsonPropertyName("account")] string Account,
    [property: JsonPropertyName("region")] string Region,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("exitCode")] int ExitCode,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("apis")] int Apis,
    [property: JsonPropertyName("stages")] int Stages,
    [property: JsonPropertyName("targets")] int Targets,
    [property: JsonPropertyName("missing")] bool Missing)
{
    public static AccountRunJson From(TargetRun<AccountAudit> run) => run.Value is { Report: var report }
        ? new(run.Account, run.Region, "Audited", AccountAudit.ExitCode(report), null, report.Apis, report.Stages, report.Entries.Count, report.HasBlockingEntries)
        : new(run.Account, run.Region, "Failed", run.ExitCode, run.Error, 0, 0, 0, false);
}

/// <summary>A note of one account × region's audit.</summary>
internal sealed record AccountNoteJson(
    [property: JsonPropertyName("account")] string Account,
    [property: JsonPropertyName("region")] string Region,
    [property: JsonPropertyName("note")] string Note);

/// <summary>One account × region's audit and the tickets it resolved (<c>--resolve-tickets</c>).</summary>
internal sealed record AccountAudit(AuditReport Report, IReadOnlyList<ResolvedTicket>? Resolved)
{
    /// <summary>What a single-account audit of <paramref name="report"/> exits with.</summary>
    public static int ExitCode(AuditReport report) => report.HasBlockingEntries ? ExitCodes.ActionNeeded : ExitCodes.Success;
}
