using Remediator.Core.Configuration;
using Remediator.Core.Decisions;
using Remediator.Core.Ports;
using Remediator.Core.Verification;

namespace Remediator.Core.Engine;

/// <summary>Claims a root cause, then verifies and decides it once for all its findings, in enforce-mode terms.</summary>
internal sealed class AssessStage(RemediatorSettings settings, PassLeases leases, TargetJudge judge, Guardrails guardrails)
{
    private const int MaxRoutesNamed = 5;

    /// <summary>The assessment of <paramref name="rootCause"/>.</summary>
    public async Task<Assessment> AssessAsync(RootCause rootCause, CancellationToken cancellationToken)
    {
        if (rootCause.Settled is { } settled)
        {
            return new Assessment { RootCause = rootCause, Decision = settled };
        }

        // A root cause another invocation holds is waited for, then fails the invocation: never a silent success.
        Claim claim = await leases.ClaimAsync(rootCause.Key!, rootCause.Occurrences, settings.SettleDelay, cancellationToken).ConfigureAwait(false);

        LedgerOutcome previous = claim.Record.Outcome;
        if (previous.ConsecutiveFailures >= settings.MaxAttempts)
        {
            return Claimed(rootCause, claim, Decision.Ticket(
                OutcomeReason.RepeatedFailure,
                $"the last {previous.ConsecutiveFailures} passes on this root cause failed; Remediator stops retrying it (last reason: {previous.LastOutcomeReason ?? "none"})"));
        }

        ResolvedFinding leader = rootCause.Leader;
        if (leader.Ticket is { } ticket)
        {
            // A kind no grant fixes, or a resolution that failed: the ticket is about its target, if one was resolved.
            return Claimed(rootCause, claim, ticket) with
            {
                Target = leader.Target,
                Verified = leader.Target is { } resolved && rootCause.Members.Count > 1 ? [SharedTicketLine(rootCause, resolved)] : [],
            };
        }

        Assessment judged = leader.Sweep is { } sweep
            ? await JudgeSweepAsync(rootCause, claim, sweep, cancellationToken).ConfigureAwait(false)
            : await JudgeTargetAsync(rootCause, claim, cancellationToken).ConfigureAwait(false);
        return await GuardAsync(judged, previous, cancellationToken).ConfigureAwait(false);
    }

    private static Assessment Claimed(RootCause rootCause, Claim claim, Decision decision) =>
        new() { RootCause = rootCause, Claim = claim, Decision = decision };

    private async Task<Assessment> JudgeTargetAsync(RootCause rootCause, Claim claim, CancellationToken cancellationToken)
    {
        ResolvedTarget target = rootCause.Leader.Target!;
        IReadOnlyList<string> shared = rootCause.Members.Count > 1
            ? [$"{rootCause.Members.Count} logged requests of this batch resolve to {target.Describe()} on stage {target.Stage}: one root cause, one outcome."]
            : [];
        Judgement judgement = await judge.JudgeAsync(
            target,
            rootCause.Members.Select(member => member.Target!).ToArray(),
            rootCause.Members.Select(member => member.LoggedFunctionArn).Distinct(StringComparer.Ordinal).ToArray(),
            claim.Record,
            cancellationToken).ConfigureAwait(false);
        return Claimed(rootCause, claim, judgement.Decision) with
        {
            Target = judgement.Target,
            Plan = judgement.Plan,
            Plans = judgement.Plans,
            Verified = [.. shared, .. judgement.Verified],
            FixedEarlier = judgement.FixedEarlier,
            AppliedEarlier = judgement.Applied,
            NewFix = judgement.NewFix,
            PolicyJudged = judgement.PolicyJudged,
            PolicyRevision = judgement.PolicyRevision,
        };
    }

    /// <summary>
    /// The request is unknown: every Lambda target of the stage was resolved. The logged function (if any)
    /// narrows them; then exactly one target that is not already allowed is the one that failed. More than
    /// one means the logs cannot say which, so nothing is granted.
    /// </summary>
    private async Task<Assessment> JudgeSweepAsync(RootCause rootCause, Claim claim, Resolution resolution, CancellationToken cancellationToken)
    {
        ResolvedFinding leader = rootCause.Leader;
        string? hintArn = leader.LoggedFunctionArn;
        string? stage = leader.Finding.Stage;
        IReadOnlyList<ResolvedTarget> targets = resolution.Targets;
        if (hintArn is not null)
        {
            targets = targets.Where(t => string.Equals(t.Lambda.Function?.Arn, hintArn, StringComparison.Ordinal)).ToArray();
            if (targets.Count == 0)
            {
                Decision mismatch = Decision.Ticket(OutcomeReason.LogControlPlaneMismatch, $"the log names function {hintArn}, which no Lambda integration or authorizer of stage {stage} invokes");
                return Claimed(rootCause, claim, mismatch) with { Verified = resolution.Trail };
            }
        }

        var candidates = new List<Judgement>();
        foreach (ResolvedTarget target in targets)
        {
            Judgement judgement = await judge.JudgeAsync(target, [target], [hintArn], claim.Record, cancellationToken).ConfigureAwait(false);
            candidates.Add(judgement with { Verified = [.. target.Trail, .. judgement.Verified] });
        }

        Judgement[] open = candidates.Where(c => c.Decision.Outcome != RemediationOutcome.AlreadyAllowed).ToArray();
        if (open.Length > 1)
        {
            Decision ambiguous = Decision.Ticket(
                OutcomeReason.Unresolvable,
                $"the logs do not say which request failed, and {open.Length} targets of the stage are not allowed: {string.Join("; ", open.Select(c => $"{c.Target.Describe()} → {c.Decision.Reason}"))}");
            return Claimed(rootCause, claim, ambiguous) with { Verified = resolution.Trail };
        }

        Judgement chosen = open.Length == 1 ? open[0] : candidates[0];
        Decision decision = open.Length == 0
            ? chosen.Decision with { Detail = $"every one of the {candidates.Count} Lambda target(s) of stage {stage} already allows API Gateway" }
            : chosen.Decision;
        return Claimed(rootCause, claim, decision) with
        {
            Target = chosen.Target,
            Plan = chosen.Plan,
            Plans = chosen.Plans,
            FixedEarlier = chosen.FixedEarlier,
            AppliedEarlier = chosen.Applied,
            NewFix = chosen.NewFix,
            PolicyJudged = chosen.PolicyJudged,
            Verified = chosen.Verified,
            PolicyRevision = chosen.PolicyRevision,
        };
    }

    private async Task<Assessment> GuardAsync(Assessment judged, LedgerOutcome previous, CancellationToken cancellationToken)
    {
        if (judged is not { Decision: { Outcome: RemediationOutcome.Fixed, Reason: OutcomeReason.PermissionMissing }, Plan: { } plan, FixedEarlier: false })
        {
            return judged;
        }

        (Decision? stop, string? verified) = await guardrails.CheckAsync(plan, previous, cancellationToken).ConfigureAwait(false);
        return judged with
        {
            Decision = stop ?? judged.Decision,
            Verified = verified is null ? judged.Verified : [.. judged.Verified, verified],
        };
    }

    // What a ticket's root cause stands for when several requests of the batch share it: how many, and through which targets.
    private static string SharedTicketLine(RootCause rootCause, ResolvedTarget leader)
    {
        string[] routes = rootCause.Members.Select(member => member.Target!.Describe()).Distinct(StringComparer.Ordinal).ToArray();
        string named = string.Join(", ", routes.Take(MaxRoutesNamed)) + (routes.Length > MaxRoutesNamed ? $" and {routes.Length - MaxRoutesNamed} more" : string.Empty);
        string reached = leader.Lambda.Function is { } function ? $"reach function {function.Arn} through {named}" : $"fail on {named}";
        return $"{rootCause.Members.Count} logged requests of this batch {reached}: one root cause, one ticket.";
    }
}
