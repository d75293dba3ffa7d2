using Remediator.Core.Decisions;
using Remediator.Core.Intake;

namespace Remediator.Core.Engine;

/// <summary>Builds the reported outcome of a finding from what its pass verified and decided.</summary>
internal static class OutcomeFactory
{
    public static EngineOutcome Create(FindingWork work, Decision decision, EngineOptions options, string logGroup)
    {
        var outcome = new EngineOutcome
        {
            Outcome = decision.Outcome,
            Reason = decision.Reason,
            Detail = decision.Detail,
            Finding = work.Finding,
            LedgerKey = work.Finding.Fingerprint,
            AccountId = options.AccountId,
            Region = options.Region,
            LogGroup = logGroup,
            ApiType = work.ApiType,
            ApiId = work.Target?.Api.ApiId ?? work.Finding.ApiId,
            Stage = work.Target?.Stage ?? work.Finding.Stage,
            HttpMethod = work.Target?.HttpMethod,
            ResourcePath = work.Target?.ResourcePath,
            RouteKey = work.Target?.RouteKey,
            AuthorizerId = work.Target?.AuthorizerId,
            FunctionArn = work.Target?.Function.Function?.UnqualifiedArn,
            Qualifier = work.Target?.Function.Function?.Qualifier,
            LoggedFunctionArn = work.Request.FunctionArn ?? work.Finding.FunctionArn,
            Verified = work.Verified.ToArray(),
        };

        // The grant is shown when it is what was done or what should be done; an AlreadyAllowed or a
        // ticket that rules the grant out (role, mismatch, deny...) shows none.
        if (work.Plan is not { } plan || !ShowsGrant(decision))
        {
            return outcome;
        }

        return outcome with
        {
            RequestSourceArn = plan.RequestSourceArn,
            StatementId = plan.Grant.StatementId,
            SourceArn = plan.Grant.SourceArn,
            StatementJson = work.StoredStatement ?? plan.Grant.ToStatementJson(),
            AddPermissionCommand = plan.Grant.ToAddPermissionCommand(),
            RemovePermissionCommand = decision.Outcome == RemediationOutcome.Fixed ? plan.Grant.ToRemovePermissionCommand() : null,
        };
    }

    /// <summary>The outcome of a payload that is not a subscription payload.</summary>
    public static EngineOutcome InvalidPayload(IntakeError error, EngineOptions options) => new()
    {
        Outcome = RemediationOutcome.Ignored,
        Reason = OutcomeReason.InvalidPayload,
        Detail = $"the payload was refused ({error.Code}): {error.Message}",
        AccountId = options.AccountId,
        Region = options.Region,
    };

    private static bool ShowsGrant(Decision decision) =>
        decision.Reason is OutcomeReason.PermissionMissing or OutcomeReason.Exempted or OutcomeReason.BreakerOpen
            or OutcomeReason.PolicyTooLarge or OutcomeReason.RepeatedFailure;
}
