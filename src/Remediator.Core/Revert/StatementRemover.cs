using Remediator.Core.Policy;
using Remediator.Core.Ports;

namespace Remediator.Core.Revert;

/// <summary>Removes one statement from a policy, conditional on the revision just read. Knows nothing of the ledger.</summary>
internal sealed class StatementRemover(ILambdaClient lambda, PolicyInspector policies)
{
    /// <summary>RemovePermission with the RevisionId just read; 412 → read and judge again once; 404 → already gone.</summary>
    public async Task<RevertResult> RemoveAsync(RevertCandidate candidate, CancellationToken cancellationToken)
    {
        LambdaFunctionArn function = candidate.Function;
        for (int attempt = 0; ; attempt++)
        {
            Inspection inspection = await policies.InspectAsync(candidate, cancellationToken).ConfigureAwait(false);
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
}
