using Remediator.Core.Configuration;
using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Policy;
using Remediator.Core.Ports;
using Remediator.Core.Verification;

namespace Remediator.Core.Engine;

internal sealed partial class InvocationPass
{
    /// <summary>Claims the finding, verifies it against the control plane and decides (enforce-mode terms).</summary>
    private async Task AssessAsync(FindingWork work, CancellationToken cancellationToken)
    {
        Finding finding = work.Finding;
        if (!string.Equals(batch.Owner, options.AccountId, StringComparison.Ordinal))
        {
            work.Decision = Decision.Ignored(OutcomeReason.ForeignAccount, $"the log events belong to account {batch.Owner}, and Remediator runs in {options.AccountId}");
            return;
        }

        TimeSpan lease = options.LeaseDuration + settings.SettleDelay;
        ClaimResult claim = await deps.Ledger.ClaimAsync(
            new ClaimRequest(finding.Fingerprint, owner, lease, Math.Max(1, finding.Occurrences)), cancellationToken).ConfigureAwait(false);
        if (!claim.Claimed)
        {
            work.Decision = Decision.Ignored(OutcomeReason.ClaimedElsewhere, $"invocation {claim.Record.Lease?.Owner} holds this root cause and reports on it");
            return;
        }

        work.Lease = claim.Lease;
        work.Record = claim.Record;
        LedgerOutcome previous = claim.Record.Outcome;
        if (previous.ConsecutiveFailures >= settings.MaxAttempts)
        {
            work.Decision = Decision.Ticket(
                OutcomeReason.RepeatedFailure,
                $"the last {previous.ConsecutiveFailures} passes on this root cause failed; Remediator stops retrying it (last reason: {previous.LastOutcomeReason ?? "none"})");
            return;
        }

        if (KindRules.TicketFor(finding.Kind) is { } kindTicket)
        {
            work.Decision = kindTicket;
            return;
        }

        await VerifyAsync(work, cancellationToken).ConfigureAwait(false);
        if (work.Decision is { Outcome: RemediationOutcome.Fixed } && work.Plan is { } plan && !work.FixedEarlier)
        {
            work.Decision = await GuardAsync(work, plan, previous, cancellationToken).ConfigureAwait(false) ?? work.Decision;
        }
    }

    private async Task VerifyAsync(FindingWork work, CancellationToken cancellationToken)
    {
        Finding finding = work.Finding;
        var api = new ApiTarget(options.Region, options.AccountId, finding.ApiId ?? string.Empty);
        string? invalid = finding.Stage is null ? "no stage" : api.Validate();
        if (invalid is not null || finding.Stage is null)
        {
            work.Decision = Decision.Ticket(OutcomeReason.Unresolvable, $"the log does not name a usable API and stage ({invalid})");
            return;
        }

        if (NeedsContext(finding) && RequestContextFetcher.CanFetch(batch))
        {
            Finding? fetched = await RequestContextFetcher.FetchAsync(finding, batch, deps.Logs, cancellationToken).ConfigureAwait(false);
            if (fetched is not null)
            {
                work.Request = fetched;
                work.Verified.Add($"The request's context lines were read back from {batch.LogGroup} (request {fetched.RequestIds.FirstOrDefault()}).");
            }
        }

        Finding request = work.Request;
        TargetKind kind = finding.Kind == FindingKind.AuthorizerInvokePermission ? TargetKind.Authorizer : TargetKind.Integration;
        ApiType hint = request.ApiType != ApiType.Unknown ? request.ApiType : finding.ApiType;
        Resolution resolution = await ApiResolver.ResolveAsync(
            new ResolutionRequest(api, finding.Stage, kind, hint, request.HttpMethod, request.ResourcePath, request.RouteKey),
            reader,
            cancellationToken).ConfigureAwait(false);
        if (resolution.IsFailure)
        {
            work.Verified.AddRange(resolution.Trail);
            work.Decision = Decision.Ticket(resolution.Failure!.Value, resolution.Problem!);
            return;
        }

        string? hintArn = request.FunctionArn ?? finding.FunctionArn;
        IReadOnlyList<ResolvedTarget> targets = resolution.Targets;
        if (targets.Count == 1 && !targets[0].FromStageSweep)
        {
            await DecideTargetAsync(work, targets[0], hintArn, cancellationToken).ConfigureAwait(false);
            return;
        }

        await DecideSweepAsync(work, resolution, hintArn, cancellationToken).ConfigureAwait(false);
    }

    private static bool NeedsContext(Finding finding) =>
        finding.RouteKey is null && (finding.HttpMethod is null || finding.ResourcePath is null) && finding.ApiType != ApiType.Http;

    /// <summary>
    /// The request is unknown: every Lambda target of the stage was resolved. The logged function (if any)
    /// narrows them; then exactly one target that is not already allowed is the one that failed. More than
    /// one means the logs cannot say which, so nothing is granted.
    /// </summary>
    private async Task DecideSweepAsync(FindingWork work, Resolution resolution, string? hintArn, CancellationToken cancellationToken)
    {
        IReadOnlyList<ResolvedTarget> targets = resolution.Targets;
        if (hintArn is not null)
        {
            targets = targets.Where(t => string.Equals(t.Function.Function?.Arn, hintArn, StringComparison.Ordinal)).ToArray();
            if (targets.Count == 0)
            {
                work.Verified.AddRange(resolution.Trail);
                work.Decision = Decision.Ticket(OutcomeReason.LogControlPlaneMismatch, $"the log names function {hintArn}, which no Lambda integration or authorizer of stage {work.Finding.Stage} invokes");
                return;
            }
        }

        var candidates = new List<FindingWork>();
        foreach (ResolvedTarget target in targets)
        {
            var trial = new FindingWork(work.Finding);
            await DecideTargetAsync(trial, target, hintArn, cancellationToken).ConfigureAwait(false);
            candidates.Add(trial);
        }

        FindingWork[] open = candidates.Where(c => c.Decision!.Outcome != RemediationOutcome.AlreadyAllowed).ToArray();
        FindingWork chosen = open.Length switch
        {
            0 => candidates[0],
            1 => open[0],
            _ => work,
        };
        if (ReferenceEquals(chosen, work))
        {
            work.Verified.AddRange(resolution.Trail);
            work.Decision = Decision.Ticket(
                OutcomeReason.Unresolvable,
                $"the logs do not say which request failed, and {open.Length} targets of the stage are not allowed: {string.Join("; ", open.Select(c => $"{c.Target!.Describe()} → {c.Decision!.Reason}"))}");
            return;
        }

        work.Target = chosen.Target;
        work.Plan = chosen.Plan;
        work.Verified.AddRange(chosen.Verified);
        work.Decision = open.Length == 0
            ? chosen.Decision! with { Detail = $"every one of the {candidates.Count} Lambda target(s) of stage {work.Finding.Stage} already allows API Gateway" }
            : chosen.Decision;
    }

    /// <summary>Checks, plans and judges one target: existence of the function, then its policy, fresh.</summary>
    private async Task DecideTargetAsync(FindingWork work, ResolvedTarget target, string? hintArn, CancellationToken cancellationToken)
    {
        work.Target = target;
        work.Verified.AddRange(target.Trail);
        if (TargetChecks.Check(target, hintArn) is { } ticket)
        {
            work.Decision = ticket;
            return;
        }

        (GrantPlan? plan, Decision? refusal) = GrantPlanner.Plan(target, settings.StageScope);
        if (plan is null)
        {
            work.Decision = refusal;
            return;
        }

        work.Plan = plan;
        if (await FunctionChecks.CheckAsync(plan.Function, reader, work.Verified, cancellationToken).ConfigureAwait(false) is { } missing)
        {
            work.Decision = missing;
            return;
        }

        FunctionPolicy? policy = await deps.Lambda.GetPolicyAsync(plan.Function.UnqualifiedArn, plan.Function.Qualifier, cancellationToken).ConfigureAwait(false);
        PolicyVerdict verdict = PolicyVerdict.Judge(policy, plan);
        work.Verified.Add(verdict.Explanation);
        work.Decision = verdict.ToDecision();
        if (verdict.Kind == PolicyVerdictKind.Allows && UnnotifiedFix(work, plan) is { } earlier)
        {
            work.Decision = earlier;
            work.FixedEarlier = true;
        }
    }

    /// <summary>
    /// A fix an earlier attempt of this root cause made but could not notify (SNS failed after the write):
    /// report it as Fixed now, so the person still hears of it.
    /// </summary>
    private static Decision? UnnotifiedFix(FindingWork work, GrantPlan plan) =>
        work.Record?.Outcome is { State: RemediationState.Fixed, LastAction: LedgerActions.AddPermissionUnnotified, Fix: { } fix }
        && string.Equals(fix.StatementId, plan.Grant.StatementId, StringComparison.Ordinal)
            ? new Decision(RemediationOutcome.Fixed, OutcomeReason.PermissionMissing, $"an earlier attempt added statement {fix.StatementId}; its notification is sent now")
            : null;

    /// <summary>The guardrails on a fix (enforce terms): exemptions, and fixes that keep being undone.</summary>
    private async Task<Decision?> GuardAsync(FindingWork work, GrantPlan plan, LedgerOutcome previous, CancellationToken cancellationToken)
    {
        if (work.Decision!.Reason != OutcomeReason.PermissionMissing)
        {
            return null;
        }

        LambdaFunctionArn function = plan.Function;
        if (Exemptions.ByNameOrAccount(function, settings.Functions, options.ExemptAccounts) is { } byName)
        {
            return byName;
        }

        IReadOnlyDictionary<string, string> tags;
        try
        {
            tags = await reader.ListTagsAsync(function.UnqualifiedArn, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (!IsTransient(e))
        {
            return Exemptions.TagsUnreadable(function, $"{e.ErrorCode}: {e.ServiceMessage}");
        }

        if (Exemptions.ByTags(function, tags, settings.ExemptTag) is { } byTag)
        {
            return byTag;
        }

        work.Verified.Add($"Function {function.FunctionName} is not exempt (no {settings.ExemptTag} tag, name and account allowed).");
        return previous.Attempts >= settings.MaxAttempts
            ? Decision.Ticket(OutcomeReason.RepeatedFailure, $"Remediator has already added this permission {previous.Attempts} times and it is missing again; something removes it")
            : null;
    }

    /// <summary>Throttling and server errors that outlasted the client's retries: the invocation should fail and be retried.</summary>
    internal static bool IsTransient(AwsServiceException e) =>
        e.StatusCode is 0 or 429 or >= 500 || e.Is(AwsErrorCodes.TooManyRequests);
}
