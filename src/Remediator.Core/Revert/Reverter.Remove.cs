using Remediator.Core.Policy;
using Remediator.Core.Ports;

namespace Remediator.Core.Revert;

public sealed partial class Reverter
{
    /// <summary>
    /// Reverts one statement: takes the ledger records that track it (so no engine pass races the revert), removes
    /// it if it is Remediator's, then marks the records reverted. A dry run reads and judges only.
    /// </summary>
    private async Task<RevertResult> RevertAsync(RevertCandidate candidate, RevertRequest request, CancellationToken cancellationToken)
    {
        if (!StatementIdFactory.IsRemediatorStatementId(candidate.StatementId))
        {
            return candidate.Result(RevertStatus.Refused, $"{candidate.StatementId} is not a statement id Remediator creates; Remediator never removes statements it did not add");
        }

        if (request.DryRun)
        {
            Inspection inspection = await InspectAsync(candidate, cancellationToken).ConfigureAwait(false);
            return inspection.Final ?? candidate.Result(RevertStatus.WouldRevert, $"would remove statement {candidate.StatementId} (policy revision {inspection.RevisionId})");
        }

        var leases = new List<(LedgerLease Lease, LedgerRecord Record)>();
        try
        {
            foreach (LedgerRecord record in candidate.Records)
            {
                ClaimResult claim = await ledger.ClaimAsync(new ClaimRequest(record.Key, request.Owner, LeaseDuration), cancellationToken).ConfigureAwait(false);
                if (claim.Lease is not { } lease)
                {
                    return candidate.Result(RevertStatus.Busy, $"Remediator invocation {claim.Record.Lease?.Holder} is working on ledger record {record.Key}; nothing was removed, try again");
                }

                leases.Add((lease, claim.Record));
                if (!RevertCandidate.Same(claim.Record.Outcome.Fix, candidate.Function, candidate.StatementId))
                {
                    return candidate.Result(RevertStatus.Conflict, $"ledger record {record.Key} no longer tracks statement {candidate.StatementId}; nothing was removed, run the revert again");
                }
            }

            RevertResult removed = await RemoveAsync(candidate, cancellationToken).ConfigureAwait(false);
            if (!removed.Succeeded || leases.Count == 0)
            {
                return removed;
            }

            bool recorded = true;
            foreach ((LedgerLease lease, LedgerRecord record) in leases)
            {
                recorded &= await ledger.TryCompleteAsync(lease, RevertLedger.Reverted(record.Outcome), cancellationToken).ConfigureAwait(false);
            }

            leases.Clear();
            return recorded
                ? removed with { LedgerUpdated = true }
                : removed with { Detail = removed.Detail + "; the ledger lease ran out before the revert was recorded" };
        }
        finally
        {
            await ReleaseAsync(leases).ConfigureAwait(false);
        }
    }

    /// <summary>RemovePermission with the RevisionId just read; 412 → read and judge again once; 404 → already gone.</summary>
    private async Task<RevertResult> RemoveAsync(RevertCandidate candidate, CancellationToken cancellationToken)
    {
        LambdaFunctionArn function = candidate.Function;
        for (int attempt = 0; ; attempt++)
        {
            Inspection inspection = await InspectAsync(candidate, cancellationToken).ConfigureAwait(false);
            if (inspection.Final is { } final)
            {
                return final;
            }

            try
            {
                await lambda.RemovePermissionAsync(function.UnqualifiedArn, candidate.StatementId, function.Qualifier, inspection.RevisionId, cancellationToken).ConfigureAwait(false);
                return candidate.Result(RevertStatus.Reverted, $"removed statement {candidate.StatementId}");
            }
            catch (AwsServiceException e) when (e.Is(AwsErrorCodes.ResourceNotFound))
            {
                return candidate.Result(RevertStatus.AlreadyGone, $"statement {candidate.StatementId} was removed by someone else meanwhile");
            }
            catch (AwsServiceException e) when (e.Is(AwsErrorCodes.PreconditionFailed) && attempt > 0)
            {
                return candidate.Result(RevertStatus.Conflict, $"the policy changed between reading and removing, twice (412); statement {candidate.StatementId} is still there, run the revert again");
            }
            catch (AwsServiceException e) when (e.Is(AwsErrorCodes.PreconditionFailed))
            {
                // Someone changed the policy after our read: read it again and judge the statement afresh.
            }
        }
    }

    /// <summary>Reads the policy and judges the statement: a final result, or the revision to remove it at.</summary>
    private async Task<Inspection> InspectAsync(RevertCandidate candidate, CancellationToken cancellationToken)
    {
        PolicyRead read = await ReadAsync(candidate.Function, cancellationToken).ConfigureAwait(false);
        if (read.Document is null)
        {
            return new(candidate.Result(read.Problem is null || read.FunctionMissing ? RevertStatus.AlreadyGone : RevertStatus.Refused,
                read.Problem ?? $"{Describe(candidate.Function)} has no policy, so statement {candidate.StatementId} is gone"), null);
        }

        if (read.Document.FindStatement(candidate.StatementId) is not { } statement)
        {
            return new(candidate.Result(RevertStatus.AlreadyGone, $"the policy of {Describe(candidate.Function)} has no statement {candidate.StatementId}"), null);
        }

        return StatementShape.Refusal(statement, candidate.Function) is { } refusal
            ? new(candidate.Result(RevertStatus.Refused, refusal + "; left in place"), null)
            : new(null, read.RevisionId);
    }

    private async Task<PolicyRead> ReadAsync(LambdaFunctionArn function, CancellationToken cancellationToken)
    {
        FunctionPolicy? policy;
        try
        {
            policy = await lambda.GetPolicyAsync(function.UnqualifiedArn, function.Qualifier, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.Is(AwsErrorCodes.ResourceNotFound))
        {
            return new(null, null, true, $"{Describe(function)} does not exist");
        }

        if (policy is null)
        {
            return new(null, null, false, null);
        }

        PolicyParseResult parsed = PolicyParser.Parse(policy.PolicyJson);
        return parsed.IsSuccess
            ? new(parsed.Document, policy.RevisionId, false, null)
            : new(null, policy.RevisionId, false, $"the policy of {Describe(function)} cannot be read ({parsed.Error}); nothing is removed from a policy Remediator does not understand");
    }

    // The revert is failing already; a lease that cannot be released expires on its own.
    private async Task ReleaseAsync(List<(LedgerLease Lease, LedgerRecord Record)> leases)
    {
        foreach ((LedgerLease lease, _) in leases)
        {
            try
            {
                await ledger.TryReleaseAsync(lease, CancellationToken.None).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Releasing is best effort: it must not replace the error or the result being returned.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }

    private static string Describe(LambdaFunctionArn function) =>
        function.Qualifier is null ? $"function {function.UnqualifiedArn}" : $"function {function.UnqualifiedArn} qualifier {function.Qualifier}";

    private sealed record PolicyRead(PolicyDocument? Document, string? RevisionId, bool FunctionMissing, string? Problem);

    private sealed record Inspection(RevertResult? Final, string? RevisionId);
}
