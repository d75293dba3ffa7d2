using Remediator.Core.Policy;
using Remediator.Core.Ports;

namespace Remediator.Core.Revert;

/// <summary>
/// Removes permissions Remediator added, found in the ledger's fix records or in one function's policy. Only
/// statements <see cref="StatementShape"/> accepts are removed, each with the RevisionId just read; the ledger
/// records that tracked a removed statement are marked <see cref="RemediationState.Reverted"/>.
/// </summary>
public sealed partial class Reverter(ILambdaClient lambda, ILedger ledger)
{
    /// <summary>How long a revert holds a ledger record: one policy read, at most two removals, one write.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(2);

    /// <summary>Runs <paramref name="request"/>; expected refusals are results, AWS failures exceptions.</summary>
    public async Task<RevertReport> RunAsync(RevertRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.FromLedger && request.Function is null)
        {
            throw new ArgumentException("A revert names a function or reads the ledger.", nameof(request));
        }

        IReadOnlyList<LedgerRecord> fixes = await ListFixesAsync(cancellationToken).ConfigureAwait(false);
        var results = new List<RevertResult>();
        int untouched = 0;
        IReadOnlyList<RevertCandidate> candidates;
        if (request.FromLedger)
        {
            candidates = FromLedger(request, fixes, results);
        }
        else
        {
            (candidates, untouched) = await FromPolicyAsync(request, request.Function!, fixes, results, cancellationToken).ConfigureAwait(false);
        }

        foreach (RevertCandidate candidate in candidates)
        {
            results.Add(await RevertAsync(candidate, request, cancellationToken).ConfigureAwait(false));
        }

        return new RevertReport(results, untouched, request.DryRun);
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

    private static List<RevertCandidate> FromLedger(RevertRequest request, IReadOnlyList<LedgerRecord> fixes, List<RevertResult> results)
    {
        var candidates = new Dictionary<(string, string?, string), (LambdaFunctionArn Function, List<LedgerRecord> Records)>();
        foreach (LedgerRecord record in fixes.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            AppliedPermission fix = record.Outcome.Fix!;
            PolicyResult<LambdaFunctionArn> parsed = LambdaFunctionArn.Parse(fix.FunctionArn);
            if (!parsed.IsSuccess || parsed.Value.Qualifier is not null)
            {
                results.Add(new RevertResult(fix.FunctionArn, fix.Qualifier, fix.StatementId, RevertStatus.Refused,
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

        return [.. candidates.Select(c => new RevertCandidate(c.Value.Function, c.Key.Item3, c.Value.Records))];
    }

    private static bool Wanted(RevertRequest request, LambdaFunctionArn function, string statementId) =>
        (request.StatementId is null || string.Equals(request.StatementId, statementId, StringComparison.Ordinal))
        && (request.Function is not { } wanted
            || (string.Equals(wanted.UnqualifiedArn, function.UnqualifiedArn, StringComparison.Ordinal)
                && (request.AnyQualifier || string.Equals(wanted.Qualifier, function.Qualifier, StringComparison.Ordinal))));

    private async Task<(IReadOnlyList<RevertCandidate> Candidates, int Untouched)> FromPolicyAsync(
        RevertRequest request, LambdaFunctionArn function, IReadOnlyList<LedgerRecord> fixes, List<RevertResult> results, CancellationToken cancellationToken)
    {
        IReadOnlyList<LedgerRecord> RecordsOf(string sid) => [.. fixes.Where(r => RevertCandidate.Same(r.Outcome.Fix, function, sid))];

        if (request.StatementId is { } named)
        {
            return ([new RevertCandidate(function, named, RecordsOf(named))], 0);
        }

        PolicyRead read = await ReadAsync(function, cancellationToken).ConfigureAwait(false);
        if (read.Document is null)
        {
            // No policy: nothing to revert. A missing function here is more likely a typo than a finished job.
            if (read.Problem is not null)
            {
                results.Add(new RevertResult(function.UnqualifiedArn, function.Qualifier, null, RevertStatus.Refused, read.Problem, [], false));
            }

            return ([], 0);
        }

        PolicyStatement[] ours = [.. read.Document.Statements.Where(s => StatementIdFactory.IsRemediatorStatementId(s.Sid))];
        return ([.. ours.Select(s => new RevertCandidate(function, s.Sid!, RecordsOf(s.Sid!)))], read.Document.Statements.Count - ours.Length);
    }
}
