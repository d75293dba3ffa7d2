using Remediator.Core.Policy;
using Remediator.Core.Verification;

namespace Remediator.Core.Decisions;

/// <summary>
/// The checks on a resolved target that decide, before any policy is read, that a grant is not the fix
/// (docs/ARCHITECTURE.md, "Verification" and "Safety rules" 1, 3, 4), in this order: not a Lambda function,
/// an IAM role on the integration, a log that names another function than the control plane, a function in
/// another account or region.
/// </summary>
public static class TargetChecks
{
    /// <summary>The ticket that rules out a grant, or null when the target may be granted.</summary>
    /// <param name="loggedFunctionArn">The function ARN the log's endpoint URI named, if it named one (a hint).</param>
    public static Decision? Check(ResolvedTarget target, string? loggedFunctionArn)
    {
        ArgumentNullException.ThrowIfNull(target);
        string what = target.Describe();
        UriResolution uri = target.Lambda;
        switch (uri.Status)
        {
            case UriResolutionStatus.NotLambda:
                return Decision.Ticket(
                    OutcomeReason.LogControlPlaneMismatch,
                    $"the log reports a refused Lambda call, but {what} does not invoke a Lambda function ({uri.Problem})");
            case UriResolutionStatus.MissingStageVariable:
            case UriResolutionStatus.NotFunctionArn:
                return Decision.Ticket(OutcomeReason.Unresolvable, $"{what}: {uri.Problem}");
        }

        LambdaFunctionArn function = uri.Function!;
        if (target.Credentials is not null)
        {
            return Decision.Ticket(
                OutcomeReason.RoleBasedIntegration,
                $"{what} invokes {function.Arn} with the IAM role {target.Credentials}: the role's policy must allow lambda:InvokeFunction on it; the function's resource policy is not the fix");
        }

        if (loggedFunctionArn is not null && !string.Equals(loggedFunctionArn, function.Arn, StringComparison.Ordinal))
        {
            return Decision.Ticket(
                OutcomeReason.LogControlPlaneMismatch,
                $"the log names function {loggedFunctionArn}, but {what} on stage {target.Stage} invokes {function.Arn}; nothing is granted on a log's word");
        }

        if (!string.Equals(function.AccountId, target.Api.AccountId, StringComparison.Ordinal))
        {
            return Decision.Ticket(
                OutcomeReason.CrossAccountFunction,
                $"{what} invokes {function.Arn} in account {function.AccountId}, not the API's account {target.Api.AccountId}: the function's owner must grant it");
        }

        return string.Equals(function.Region, target.Api.Region, StringComparison.Ordinal)
            ? null
            : Decision.Ticket(OutcomeReason.Unresolvable, $"{what} invokes {function.Arn} in region {function.Region}, outside the API's region {target.Api.Region}");
    }
}
