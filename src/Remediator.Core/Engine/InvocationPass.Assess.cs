using Remediator.Core.Decisions;
using Remediator.Core.Policy;
using Remediator.Core.Ports;
using Remediator.Core.Verification;

namespace Remediator.Core.Engine;

internal sealed partial class InvocationPass
{
    /// <summary>Claims the root cause, then verifies and decides it once for all its findings (enforce-mode terms).</summary>
    private async Task AssessAsync(RootCauseWork work, CancellationToken cancellationToken)
    {
        if (work.Decision is not null)
        {
            // Decided without a claim: another account's logs, or past the cap.
            return;
        }

        TimeSpan lease = options.LeaseDuration + settings.SettleDelay;
        ClaimResult claim = await deps.Ledger.ClaimAsync(
            new ClaimRequest(work.Key!, owner, lease, work.Occurrences), cancellationToken).ConfigureAwait(false);
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

        FindingWork leader = work.Leader;
        if (leader.Ticket is { } ticket)
        {
            // A kind no grant fixes, resolved: the ticket is about its target (and its function).
            if (leader.Target is { } resolved)
            {
                work.Target = resolved;
                if (work.Members.Count > 1)
                {
                    work.Verified.Add(SharedTicketLine(work, resolved));
                }
            }

            work.Decision = ticket;
            return;
        }

        if (leader.Sweep is { } sweep)
        {
            await DecideSweepAsync(work, sweep, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            ResolvedTarget target = leader.Target!;
            if (work.Members.Count > 1)
            {
                work.Verified.Add($"{work.Members.Count} logged requests of this batch resolve to {target.Describe()} on stage {target.Stage}: one root cause, one outcome.");
            }

            await DecideTargetAsync(
                work,
                target,
                work.Members.Select(member => member.Target!).ToArray(),
                work.Members.Select(member => member.LoggedFunctionArn).Distinct(StringComparer.Ordinal).ToArray(),
                cancellationToken).ConfigureAwait(false);
            if (work.Plans.Count == work.Members.Count)
            {
                for (int i = 0; i < work.Members.Count; i++)
                {
                    work.Members[i].Plan = work.Plans[i];
                }
            }
        }

        if (work.Decision is { Outcome: RemediationOutcome.Fixed } && work.Plan is { } plan && !work.FixedEarlier)
        {
            work.Decision = await GuardAsync(work, plan, previous, cancellationToken).ConfigureAwait(false) ?? work.Decision;
        }
    }

    /// <summary>
    /// The request is unknown: every Lambda target of the stage was resolved. The logged function (if any)
    /// narrows them; then exactly one target that is not already allowed is the one that failed. More than
    /// one means the logs cannot say which, so nothing is granted.
    /// </summary>
    private async Task DecideSweepAsync(RootCauseWork work, Resolution resolution, CancellationToken cancellationToken)
    {
        string? hintArn = work.Leader.LoggedFunctionArn;
        string? stage = work.Leader.Finding.Stage;
        IReadOnlyList<ResolvedTarget> targets = resolution.Targets;
        if (hintArn is not null)
        {
            targets = targets.Where(t => string.Equals(t.Function.Function?.Arn, hintArn, StringComparison.Ordinal)).ToArray();
            if (targets.Count == 0)
            {
                work.Verified.AddRange(resolution.Trail);
                work.Decision = Decision.Ticket(OutcomeReason.LogControlPlaneMismatch, $"the log names function {hintArn}, which no Lambda integration or authorizer of stage {stage} invokes");
                return;
            }
        }

        var candidates = new List<RootCauseWork>();
        foreach (ResolvedTarget target in targets)
        {
            // The claimed record goes along: it tells whether an earlier pass made this fix without notifying it.
            var trial = new RootCauseWork(work.Key, work.Leader) { Record = work.Record };
            trial.Verified.AddRange(target.Trail);
            await DecideTargetAsync(trial, target, [target], [hintArn], cancellationToken).ConfigureAwait(false);
            candidates.Add(trial);
        }

        RootCauseWork[] open = candidates.Where(c => c.Decision!.Outcome != RemediationOutcome.AlreadyAllowed).ToArray();
        if (open.Length > 1)
        {
            work.Verified.AddRange(resolution.Trail);
            work.Decision = Decision.Ticket(
                OutcomeReason.Unresolvable,
                $"the logs do not say which request failed, and {open.Length} targets of the stage are not allowed: {string.Join("; ", open.Select(c => $"{c.Target!.Describe()} → {c.Decision!.Reason}"))}");
            return;
        }

        RootCauseWork chosen = open.Length == 1 ? open[0] : candidates[0];
        work.Target = chosen.Target;
        work.Plan = chosen.Plan;
        work.Plans = chosen.Plans;
        work.FixedEarlier = chosen.FixedEarlier;
        work.Verified.AddRange(chosen.Verified);
        work.Decision = open.Length == 0
            ? chosen.Decision! with { Detail = $"every one of the {candidates.Count} Lambda target(s) of stage {stage} already allows API Gateway" }
            : chosen.Decision;
    }

    /// <summary>
    /// Checks, plans and judges one target for the requests that resolved to it: the target checks for
    /// every function a log named, one plan per request, the function's existence, then its policy, read
    /// fresh and once, which must allow every request.
    /// </summary>
    private async Task DecideTargetAsync(
        RootCauseWork work, ResolvedTarget target, IReadOnlyList<ResolvedTarget> requests, IReadOnlyList<string?> loggedFunctions, CancellationToken cancellationToken)
    {
        work.Target = target;

        // One log naming another function than the control plane is enough to grant nothing for the target.
        foreach (string? logged in loggedFunctions)
        {
            if (TargetChecks.Check(target, logged) is { } ticket)
            {
                work.Decision = ticket;
                return;
            }
        }

        var plans = new List<GrantPlan>(requests.Count);
        foreach (ResolvedTarget request in requests)
        {
            (GrantPlan? plan, Decision? refusal) = GrantPlanner.Plan(request, settings.StageScope);
            if (plan is null)
            {
                work.Decision = refusal;
                return;
            }

            plans.Add(plan);
        }

        work.Plan = plans[0];
        work.Plans = plans;
        if (await FunctionChecks.CheckAsync(work.Plan.Function, reader, work.Verified, cancellationToken).ConfigureAwait(false) is { } missing)
        {
            work.Decision = missing;
            return;
        }

        FunctionPolicy? policy = await deps.Lambda.GetPolicyAsync(work.Plan.Function.UnqualifiedArn, work.Plan.Function.Qualifier, cancellationToken).ConfigureAwait(false);
        (PolicyVerdict verdict, GrantPlan judged) = PolicyVerdict.JudgeAll(policy, plans);
        work.Plan = judged;
        work.Verified.Add(verdict.Explanation);
        work.Decision = verdict.ToDecision();
        if (verdict.Kind == PolicyVerdictKind.Allows && UnnotifiedFix(work, judged) is { } earlier)
        {
            work.Decision = earlier;
            work.FixedEarlier = true;
        }
    }

    /// <summary>
    /// A fix an earlier attempt of this root cause made but could not notify (SNS failed after the write):
    /// report it as Fixed now, so the person still hears of it.
    /// </summary>
    private static Decision? UnnotifiedFix(RootCauseWork work, GrantPlan plan) =>
        work.Record?.Outcome is { State: RemediationState.Fixed, LastAction: LedgerActions.AddPermissionUnnotified, Fix: { } fix }
        && string.Equals(fix.StatementId, plan.Grant.StatementId, StringComparison.Ordinal)
            ? new Decision(RemediationOutcome.Fixed, OutcomeReason.PermissionMissing, $"an earlier attempt added statement {fix.StatementId}; its notification is sent now")
            : null;

    /// <summary>The guardrails on a fix (enforce terms): exemptions, and fixes that keep being undone.</summary>
    private async Task<Decision?> GuardAsync(RootCauseWork work, GrantPlan plan, LedgerOutcome previous, CancellationToken cancellationToken)
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
