using Remediator.Core.Decisions;
using Remediator.Core.Intake;
using Remediator.Core.Verification;

namespace Remediator.Core.Engine;

/// <summary>Builds the reported outcome of a finding from what its pass verified and decided.</summary>
internal static class OutcomeFactory
{
    /// <summary>The outcome of member <paramref name="position"/> of a root cause, which shares the root cause's decision.</summary>
    public static EngineOutcome Create(ResolvedFinding finding, int position, WriteResult result, EngineOptions options, string? logGroup)
    {
        Assessment rootCause = result.Assessment;
        Decision decision = result.Decision;

        // The finding's own target when it has one: a root cause keyed on its function spans methods, routes,
        // stages and APIs, and each finding's outcome says which one it was.
        ResolvedTarget? target = finding.Target ?? rootCause.Target;
        var outcome = new EngineOutcome
        {
            Outcome = decision.Outcome,
            Reason = decision.Reason,
            Detail = decision.Detail,
            Finding = finding.Finding,
            LedgerKey = rootCause.RootCause.Key,
            AccountId = options.AccountId,
            Region = options.Region,
            LogGroup = logGroup,
            ApiType = finding.Target?.ApiType ?? rootCause.ApiType,
            ApiId = target?.Api.ApiId ?? finding.Finding.ApiId,
            Stage = target?.Stage ?? finding.Finding.Stage,
            HttpMethod = target?.HttpMethod,
            ResourcePath = target?.ResourcePath,
            RouteKey = target?.RouteKey,
            AuthorizerId = target?.AuthorizerId,
            FunctionArn = target?.Lambda.Function?.UnqualifiedArn,
            Qualifier = target?.Lambda.Function?.Qualifier,
            LoggedFunctionArn = finding.LoggedFunctionArn,
            Verified = [.. finding.Verified, .. rootCause.Verified, .. result.Verified],
        };

        // The grant is shown when it is what was done or what should be done; an AlreadyAllowed or a
        // ticket that rules the grant out (role, mismatch, deny...) shows none. The request is the finding's own.
        if (result.Plan is not { } plan || !ShowsGrant(decision))
        {
            return outcome;
        }

        return outcome with
        {
            RequestSourceArn = (MemberPlan(rootCause, position) ?? plan).RequestSourceArn,
            StatementId = plan.Grant.StatementId,
            SourceArn = plan.Grant.SourceArn,
            StatementJson = result.StoredStatement ?? plan.Grant.ToStatementJson(),
            AddPermissionCommand = plan.Grant.ToAddPermissionCommand(),
            RemovePermissionCommand = decision.Outcome == RemediationOutcome.Fixed ? plan.Grant.ToRemovePermissionCommand() : null,
            CloudFormationSnippet = plan.Grant.ToCloudFormation(decision.Outcome == RemediationOutcome.Fixed),
            TerraformSnippet = plan.Grant.ToTerraform(decision.Outcome == RemediationOutcome.Fixed),
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

    /// <summary>The outcome of one log event whose text is not Unicode: not read, logged and counted as an error.</summary>
    public static EngineOutcome Undecodable(UndecodableEvent logEvent, EngineOptions options, string logGroup) => new()
    {
        Outcome = RemediationOutcome.Ignored,
        Reason = OutcomeReason.UndecodableEvent,
        Detail = $"log event {(logEvent.Id is { Length: > 0 } id ? id : "without an id")} (index {logEvent.Index}"
            + (logEvent.Timestamp is { } at ? $", timestamp {at}" : string.Empty)
            + $") was not read: {logEvent.Problem}; the batch's other events were",
        AccountId = options.AccountId,
        Region = options.Region,
        LogGroup = logGroup,
    };

    // Each request was planned when there is one plan per member; a sweep's plan is its root cause's.
    private static GrantPlan? MemberPlan(Assessment assessment, int position) =>
        assessment.Plans.Count == assessment.RootCause.Members.Count ? assessment.Plans[position] : null;

    private static bool ShowsGrant(Decision decision) =>
        decision.Reason is OutcomeReason.PermissionMissing or OutcomeReason.Exempted or OutcomeReason.BreakerOpen
            or OutcomeReason.PolicyTooLarge or OutcomeReason.RepeatedFailure or OutcomeReason.OwnershipUnproven or OutcomeReason.WriteDenied;
}
