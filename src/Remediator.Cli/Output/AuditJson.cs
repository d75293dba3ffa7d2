using System.Text.Json.Serialization;
using Remediator.Core.Audit;
using Remediator.Core.Tickets;

namespace Remediator.Cli.Output;

/// <summary><c>audit --output json</c>: the whole report as one JSON document.</summary>
internal sealed record AuditJson(
    [property: JsonPropertyName("targets")] IReadOnlyList<AuditTargetJson> Targets,
    [property: JsonPropertyName("remediatorStatements")] IReadOnlyList<AuditStatementJson> RemediatorStatements,
    [property: JsonPropertyName("notes")] IReadOnlyList<string> Notes,
    [property: JsonPropertyName("apis")] int Apis,
    [property: JsonPropertyName("stages")] int Stages,
    [property: JsonPropertyName("missing")] bool Missing,
    [property: JsonPropertyName("policyFindings")] IReadOnlyList<AuditPolicyFindingJson> PolicyFindings,
    [property: JsonPropertyName("resolvedOpsItems")] IReadOnlyList<string>? ResolvedOpsItems)
{
    /// <summary>The document; <paramref name="resolved"/> only with <c>--resolve-tickets</c>.</summary>
    public static AuditJson From(AuditReport report, IReadOnlyList<ResolvedTicket>? resolved = null) => new(
        [.. report.Entries.Select(AuditTargetJson.From)],
        [.. report.Statements.Select(AuditStatementJson.From)],
        report.Notes,
        report.Apis,
        report.Stages,
        report.HasBlockingEntries,
        [.. report.PolicyFindings.Select(AuditPolicyFindingJson.From)],
        resolved is null ? null : [.. resolved.Select(ticket => ticket.OpsItemId)]);
}

/// <summary>One audited target; the grant fields are set only when the status is <c>Missing</c>.</summary>
internal sealed record AuditTargetJson(
    [property: JsonPropertyName("apiId")] string ApiId,
    [property: JsonPropertyName("apiType")] string ApiType,
    [property: JsonPropertyName("stage")] string Stage,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("functionArn")] string? FunctionArn,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("blocks")] bool Blocks,
    [property: JsonPropertyName("detail")] string Detail,
    [property: JsonPropertyName("sourceArn")] string? SourceArn,
    [property: JsonPropertyName("grantStatementId")] string? GrantStatementId,
    [property: JsonPropertyName("grantSourceArn")] string? GrantSourceArn,
    [property: JsonPropertyName("grantQualifier")] string? GrantQualifier,
    [property: JsonPropertyName("addPermissionCommand")] string? AddPermissionCommand) : AccountColumns
{

    public static AuditTargetJson From(AuditEntry entry) => new(
        entry.ApiId,
        AuditText.TypeName(entry.ApiType),
        entry.Stage,
        entry.Kind.ToString(),
        entry.Target,
        entry.FunctionArn,
        entry.Status.ToString(),
        AuditClassifier.Blocks(entry.Status),
        entry.Detail,
        entry.SourceArn,
        entry.Grant?.StatementId,
        entry.Grant?.SourceArn,
        entry.Grant?.Qualifier,
        entry.Grant?.ToAddPermissionCommand());
}

/// <summary>A statement with a Remediator id on an audited function.</summary>
internal sealed record AuditStatementJson(
    [property: JsonPropertyName("functionArn")] string FunctionArn,
    [property: JsonPropertyName("qualifier")] string? Qualifier,
    [property: JsonPropertyName("statementId")] string StatementId,
    [property: JsonPropertyName("sourceArn")] string? SourceArn,
    [property: JsonPropertyName("revertible")] bool Revertible,
    [property: JsonPropertyName("refusal")] string? Refusal,
    [property: JsonPropertyName("staleness")] string? Staleness,
    [property: JsonPropertyName("stale")] bool Stale,
    [property: JsonPropertyName("stalenessDetail")] string? StalenessDetail) : AccountColumns
{

    public static AuditStatementJson From(RemediatorStatement statement) => new(
        statement.FunctionArn,
        statement.Qualifier,
        statement.StatementId,
        statement.SourceArn,
        statement.Refusal is null,
        statement.Refusal,
        statement.Staleness?.Status.ToString(),
        statement.Staleness?.IsStale == true,
        statement.Staleness?.Detail);
}

/// <summary>A policy above 80% of Lambda's limit; the proposal fields are null when Remediator proposes nothing.</summary>
internal sealed record AuditPolicyFindingJson(
    [property: JsonPropertyName("functionArn")] string FunctionArn,
    [property: JsonPropertyName("qualifier")] string? Qualifier,
    [property: JsonPropertyName("sizeBytes")] int SizeBytes,
    [property: JsonPropertyName("limitBytes")] int LimitBytes,
    [property: JsonPropertyName("statements")] int Statements,
    [property: JsonPropertyName("detail")] string Detail,
    [property: JsonPropertyName("mergedStatementIds")] IReadOnlyList<string>? MergedStatementIds,
    [property: JsonPropertyName("droppedStaleStatementIds")] IReadOnlyList<string>? DroppedStaleStatementIds,
    [property: JsonPropertyName("proposedPolicy")] string? ProposedPolicy,
    [property: JsonPropertyName("proposedSizeBytes")] int? ProposedSizeBytes,
    [property: JsonPropertyName("revisionId")] string? RevisionId,
    [property: JsonPropertyName("command")] string? Command) : AccountColumns
{
    public static AuditPolicyFindingJson From(PolicyFinding finding) => new(
        finding.FunctionArn,
        finding.Qualifier,
        finding.SizeBytes,
        finding.LimitBytes,
        finding.Statements,
        finding.Detail,
        finding.Proposal?.MergedStatementIds,
        finding.Proposal?.DroppedStaleStatementIds,
        finding.Proposal?.PolicyJson,
        finding.Proposal?.SizeBytes,
        finding.Proposal?.RevisionId,
        finding.Proposal?.Command);
}
