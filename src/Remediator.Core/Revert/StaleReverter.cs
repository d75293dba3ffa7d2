using Remediator.Core.Audit;
using Remediator.Core.Policy;
using Remediator.Core.Ports;
using Remediator.Core.Verification;

namespace Remediator.Core.Revert;

/// <summary>
/// <c>remediator revert --stale</c>: removes Remediator's statements whose API, stage or route no longer exists. The
/// statements considered are those of the named function's policy, or else those the audit of every API of the region
/// finds (on the functions the APIs' targets invoke and, with a ledger, the functions its fixes name). Each one's
/// staleness is proven again from the control plane just before it is touched (<see cref="StalenessJudge"/>: a 404, never
/// a refused or throttled read), and only then is it reverted with every check of <see cref="Reverter"/>: exactly
/// Remediator's grant with its id re-derived from its content, the RevisionId just read, 412 handled, the ledger records
/// that track it claimed and marked reverted, nothing written in a dry run.
/// </summary>
public sealed class StaleReverter(IApiGatewayClient restApis, IApiGatewayV2Client v2Apis, ILambdaClient lambda, ILedger ledger)
{
    /// <summary>Runs <paramref name="request"/> (its <see cref="RevertRequest.FromLedger"/> is ignored) for <paramref name="accountId"/> in <paramref name="region"/>.</summary>
    public async Task<RevertReport> RunAsync(RevertRequest request, string accountId, string region, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var policies = new PolicyInspector(lambda);
        var finder = new CandidateFinder(ledger, policies);
        (FoundCandidates found, int inUse) = request.Function is not null
            ? (await finder.FindAsync(request with { FromLedger = false }, cancellationToken).ConfigureAwait(false), 0)
            : await FromAuditAsync(finder, request, accountId, region, cancellationToken).ConfigureAwait(false);

        var judge = new StalenessJudge(restApis, new ControlPlaneReader(restApis, v2Apis, lambda), accountId, region);
        var reverter = new StatementReverter(ledger, new StatementRemover(lambda, policies), policies);
        var results = new List<RevertResult>(found.Refused);
        foreach (RevertCandidate candidate in found.Candidates)
        {
            // The source ARN as the policy holds it now; a statement that is not Remediator's shape is refused below anyway.
            PolicyRead read = await policies.ReadAsync(candidate.Function, cancellationToken).ConfigureAwait(false);
            PolicyStatement? statement = read.Document?.FindStatement(candidate.StatementId);
            if (statement is null || StatementShape.Refusal(statement, candidate.Function) is not null)
            {
                results.Add(await reverter.RevertAsync(candidate, request, cancellationToken).ConfigureAwait(false));
                continue;
            }

            StatementStaleness staleness = await judge.JudgeAsync(StatementShape.SourceArnOf(statement), cancellationToken).ConfigureAwait(false);
            switch (staleness.Status)
            {
                case StalenessStatus.Stale:
                    RevertResult result = await reverter.RevertAsync(candidate, request, cancellationToken).ConfigureAwait(false);
                    results.Add(result with { Detail = $"{result.Detail} (stale: {staleness.Detail})" });
                    break;
                case StalenessStatus.Unproven:
                    results.Add(candidate.Result(RevertStatus.Refused, $"{staleness.Detail}; left in place"));
                    break;
                default:
                    inUse++;
                    break;
            }
        }

        return new RevertReport(results, found.Untouched, request.DryRun) { InUse = inUse };
    }

    // The audit's stale (and unproven) statements, to be proven again one by one, and how many it found in use.
    private async Task<(FoundCandidates Found, int InUse)> FromAuditAsync(CandidateFinder finder, RevertRequest request, string accountId, string region, CancellationToken cancellationToken)
    {
        var audit = new AuditRequest(accountId, region) { AlsoInspect = await LedgerFixes.FunctionsAsync(ledger, cancellationToken).ConfigureAwait(false) };
        Result<AuditReport, string> report = await new Auditor(restApis, v2Apis, lambda).AuditAsync(audit, cancellationToken).ConfigureAwait(false);
        RemediatorStatement[] named = [.. (report.Value?.Statements ?? [])
            .Where(s => s.Staleness is not null && (request.StatementId is null || string.Equals(s.StatementId, request.StatementId, StringComparison.Ordinal)))];
        IEnumerable<RemediatorStatement> stale = named.Where(s => s.Staleness!.Status is StalenessStatus.Stale or StalenessStatus.Unproven);
        IReadOnlyList<(LambdaFunctionArn Function, string StatementId)> statements =
        [
            .. stale.Select(s => (LambdaFunctionArn.Parse(s.FunctionArn).Value!.WithQualifier(s.Qualifier), s.StatementId)),
        ];
        return (await finder.ForStatementsAsync(statements, cancellationToken).ConfigureAwait(false), named.Count(s => s.Staleness!.Status == StalenessStatus.InUse));
    }
}
