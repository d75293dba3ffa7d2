using Remediator.Core.Ports;

namespace Remediator.Core.Revert;

/// <summary>
/// Removes permissions Remediator added, found in the ledger's fix records or in one function's policy. Only
/// statements <see cref="StatementShape"/> accepts are removed, each with the RevisionId just read; the ledger
/// records that tracked a removed statement are marked <see cref="RemediationState.Reverted"/>.
/// </summary>
public sealed class Reverter(ILambdaClient lambda, ILedger ledger)
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

        var policies = new PolicyInspector(lambda);
        FoundCandidates found = await new CandidateFinder(ledger, policies).FindAsync(request, cancellationToken).ConfigureAwait(false);
        var reverter = new StatementReverter(ledger, new StatementRemover(lambda, policies), policies);
        var results = new List<RevertResult>(found.Refused);
        foreach (RevertCandidate candidate in found.Candidates)
        {
            results.Add(await reverter.RevertAsync(candidate, request, cancellationToken).ConfigureAwait(false));
        }

        return new RevertReport(results, found.Untouched, request.DryRun);
    }
}
