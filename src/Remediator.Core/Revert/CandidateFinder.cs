using Remediator.Core.Policy;
using Remediator.Core.Ports;

namespace Remediator.Core.Revert;

/// <summary>
/// Finds the statements a revert considers: the ledger's open fix records, grouped by statement, or the
/// Remediator statements of the named function's policy, each with the fix records that track it.
/// </summary>
internal sealed class CandidateFinder(ILedger ledger, PolicyInspector policies)
{
    /// <summary>The candidates of <paramref name="request"/>, in the order to handle them.</summary>
    public async Task<FoundCandidates> FindAsync(RevertRequest request, CancellationToken cancellationToken)
    {
        IReadOnlyList<LedgerRecord> fixes = await ListFixesAsync(cancellationToken).ConfigureAwait(false);
        return request.FromLedger
            ? FromLedger(request, fixes)
            : await FromPolicyAsync(request, request.Function!, fixes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The named statements as candidates, each with the fix records that track it.</summary>
    public async Task<FoundCandidates> ForStatementsAsync(IReadOnlyList<(LambdaFunctionArn Function, string StatementId)> statements, CancellationToken cancellationToken)
    {
        IReadOnlyList<LedgerRecord> fixes = await ListFixesAsync(cancellationToken).ConfigureAwait(false);
        return new FoundCandidates(
            [.. statements.Select(s => new RevertCandidate(s.Function, s.StatementId, [.. fixes.Where(r => RevertCandidate.Same(r.Outcome.Fix, s.Function, s.StatementId))]))], [], 0);
    }

    private async Task<IReadOnlyList<LedgerRecord>> ListFixesAsync(CancellationToken cancellationToken)
    {
        var fixes = new List<LedgerRecord>();
        await foreach (LedgerRecord record in ledger.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (record.Outcome.Fix is not null && record.Outcome.State != RemediationState.Reverted)
            {
                fixes.Add(record);
            }
        }

        return fixes;
    }

    private static FoundCandidates FromLedger(RevertRequest request, IReadOnlyList<LedgerRecord> fixes)
    {
        var refused = new List<RevertResult>();
        var candidates = new Dictionary<(string, string?, string), (LambdaFunctionArn Function, List<LedgerRecord> Records)>();
        foreach (LedgerRecord record in fixes.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            AppliedPermission fix = record.Outcome.Fix!;
            Result<LambdaFunctionArn, string> parsed = LambdaFunctionArn.Parse(fix.FunctionArn);
            if (!parsed.IsSuccess || parsed.Value.Qualifier is not null)
            {
                refused.Add(new RevertResult(fix.FunctionArn, fix.Qualifier, fix.StatementId, RevertStatus.Refused,
                    $"ledger record {record.Key} names {fix.FunctionArn}, which is not an unqualified function ARN", [record.Key], false));
                continue;
            }

            LambdaFunctionArn function = parsed.Value.WithQualifier(fix.Qualifier);
            if (!Wanted(request, function, fix.StatementId))
            {
                continue;
            }

            var key = (function.UnqualifiedArn, function.Qualifier, fix.StatementId);
            if (!candidates.TryGetValue(key, out var entry))
            {
                entry = (function, []);
                candidates[key] = entry;
            }

            entry.Records.Add(record);
        }

        return new FoundCandidates([.. candidates.Select(c => new RevertCandidate(c.Value.Function, c.Key.Item3, c.Value.Records))], refused, 0);
    }

    private static bool Wanted(RevertRequest request, LambdaFunctionArn function, string statementId) =>
        (request.StatementId is null || string.Equals(request.StatementId, statementId, StringComparison.Ordinal))
        && (request.Function is not { } wanted
            || (string.Equals(wanted.UnqualifiedArn, function.UnqualifiedArn, StringComparison.Ordinal)
                && (request.AnyQualifier || string.Equals(wanted.Qualifier, function.Qualifier, StringComparison.Ordinal))));

    private async Task<FoundCandidates> FromPolicyAsync(
        RevertRequest request, LambdaFunctionArn function, IReadOnlyList<LedgerRecord> fixes, CancellationToken cancellationToken)
    {
        IReadOnlyList<LedgerRecord> RecordsOf(string sid) => [.. fixes.Where(r => RevertCandidate.Same(r.Outcome.Fix, function, sid))];

        if (request.StatementId is { } named)
        {
            return new FoundCandidates([new RevertCandidate(function, named, RecordsOf(named))], [], 0);
        }

        PolicyRead read = await policies.ReadAsync(function, cancellationToken).ConfigureAwait(false);
        if (read.Document is null)
        {
            // No policy: nothing to revert. A missing function here is more likely a typo than a finished job.
            return read.Problem is null
                ? new FoundCandidates([], [], 0)
                : new FoundCandidates([], [new RevertResult(function.UnqualifiedArn, function.Qualifier, null, RevertStatus.Refused, read.Problem, [], false)], 0);
        }

        PolicyStatement[] ours = [.. read.Document.Statements.Where(s => StatementIdFactory.IsRemediatorStatementId(s.Sid))];
        return new FoundCandidates(
            [.. ours.Select(s => new RevertCandidate(function, s.Sid!, RecordsOf(s.Sid!)))], [], read.Document.Statements.Count - ours.Length);
    }
}
