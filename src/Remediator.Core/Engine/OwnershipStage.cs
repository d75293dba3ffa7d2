using Remediator.Core.Configuration;
using Remediator.Core.Decisions;
using Remediator.Core.Ownership;
using Remediator.Core.Verification;

namespace Remediator.Core.Engine;

/// <summary>
/// Asks for proof that the function's owner wants this API to call it before any grant (docs/ARCHITECTURE.md,
/// "Safety rules" 15): anyone who may edit API Gateway can point an integration at any function of the account.
/// Without a proof the fix becomes <c>Recommended(OwnershipUnproven)</c> with the exact way to opt in. Reads only
/// what resolution and the guardrails already read (the API's tags come with GetRestApi/GetApi; ListTags is memoised).
/// </summary>
internal sealed class OwnershipStage(RemediatorSettings settings, ControlPlaneReader reader)
{
    /// <summary>The assessment unchanged unless it would grant without a proof of ownership.</summary>
    public async Task<Assessment> CheckAsync(Assessment assessment, CancellationToken cancellationToken)
    {
        if (assessment is not { Decision: { Outcome: RemediationOutcome.Fixed, Reason: OutcomeReason.PermissionMissing }, Plan: { } plan, Target: { } target, FixedEarlier: false })
        {
            return assessment;
        }

        IReadOnlyDictionary<string, string> apiTags =
            await reader.GetApiTagsAsync(target.ApiType, target.Api.ApiId, cancellationToken).ConfigureAwait(false) ?? new Dictionary<string, string>();
        IReadOnlyDictionary<string, string> functionTags = settings.Ownership == OwnershipProofs.None
            ? new Dictionary<string, string>()
            : await reader.ListTagsAsync(plan.Function.UnqualifiedArn, cancellationToken).ConfigureAwait(false);
        OwnershipResult result = OwnershipProof.Evaluate(settings.Ownership, target.Api, plan.Function, apiTags, functionTags);
        if (result.IsProven)
        {
            return assessment with { Verified = [.. assessment.Verified, $"Ownership proven ({result.Proof}): {result.Detail}."] };
        }

        string optIn = string.Join(" ", [result.OptIn, .. result.OptInCommands.Select(command => $"Run: {command}")]);
        return assessment with
        {
            Decision = new Decision(RemediationOutcome.Recommended, OutcomeReason.OwnershipUnproven, $"nothing was granted: {result.Detail}. {optIn}".TrimEnd()),
        };
    }
}
