using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Policy;
using Remediator.Core.Ports;
using Remediator.Core.Verification;

namespace Remediator.Core.Engine;

internal sealed partial class InvocationPass
{
    /// <summary>
    /// Resolves every finding and groups the findings by ledger key, in batch order. The control-plane reads
    /// are memoised for the pass (<see cref="ControlPlaneReader"/>: API, stage, resources, routes,
    /// integrations and authorizers), so distinct paths of one method cost no more reads than one path, and
    /// a root cause costs one claim and one policy read however many findings it stands for. Past
    /// <see cref="EngineOptions.MaxRootCausesPerInvocation"/> root causes the rest end ignored, unclaimed.
    /// </summary>
    private async Task<List<RootCauseWork>> GroupAsync(List<FindingWork> findings, CancellationToken cancellationToken)
    {
        if (!string.Equals(batch.Owner, options.AccountId, StringComparison.Ordinal))
        {
            Decision foreign = Decision.Ignored(OutcomeReason.ForeignAccount, $"the log events belong to account {batch.Owner}, and Remediator runs in {options.AccountId}");
            return findings.Select(finding => new RootCauseWork(null, finding) { Decision = foreign }).ToList();
        }

        var rootCauses = new List<RootCauseWork>();
        var byKey = new Dictionary<string, RootCauseWork>(StringComparer.Ordinal);
        foreach (FindingWork finding in findings)
        {
            await ResolveAsync(finding, cancellationToken).ConfigureAwait(false);
            string key = finding.Key!;
            if (byKey.TryGetValue(key, out RootCauseWork? known))
            {
                known.Members.Add(finding);
                continue;
            }

            var rootCause = new RootCauseWork(key, finding);
            byKey.Add(key, rootCause);
            rootCauses.Add(rootCause);
        }

        ApplyCap(rootCauses);
        return rootCauses;
    }

    /// <summary>
    /// Root causes a grant may fix (a permission failure resolved to its target, or a stage sweep) come first,
    /// then the other ones with a resolved target: their number is bounded by the APIs' configuration, while
    /// findings without one (a function error per random path of an API the control plane does not show) are
    /// a root cause each and must not crowd out a permission failure. Tickets of a resolved target come after
    /// the permission failures too: the same broken functions would otherwise take the cap's places batch
    /// after batch. Those past the cap are neither claimed nor read; the failure shows again in a later batch,
    /// which takes it up.
    /// </summary>
    private void ApplyCap(List<RootCauseWork> rootCauses)
    {
        int cap = options.MaxRootCausesPerInvocation;
        RootCauseWork[] beyond = rootCauses
            .OrderBy(r => r.Leader.Ticket is null ? 0 : r.Leader.Target is not null ? 1 : 2)
            .Skip(cap)
            .ToArray();
        foreach (RootCauseWork rootCause in beyond)
        {
            rootCause.Decision = Decision.Ignored(
                OutcomeReason.RootCauseCapReached,
                $"this invocation already took on {cap} distinct root causes, its cap; a later batch that shows this failure again takes it up");
        }
    }

    /// <summary>
    /// What the control plane says served the finding's request, and so its ledger key: the target's
    /// (<see cref="LedgerKey.ForTarget"/>, or the function's for a failure the function causes) when exactly
    /// one was resolved, else the diagnosis fingerprint.
    /// </summary>
    private async Task ResolveAsync(FindingWork work, CancellationToken cancellationToken)
    {
        try
        {
            await ResolveFindingAsync(work, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (!IsTransient(e))
        {
            // Nothing is claimed while resolving, so a failure here records nothing: one no retry cures (access
            // denied) would fail every retry of the batch, its other findings with it, and never escalate. It ends
            // as this finding's ticket on its fingerprint instead; a transient one still fails the invocation.
            string problem = $"the control plane could not be read ({e.ErrorCode}: {e.ServiceMessage})";
            work.Verified.Add(Unconfirmed(problem));
            work.Ticket = KindRules.TicketFor(work.Finding.Kind) ?? Decision.Ticket(OutcomeReason.Unresolvable, problem);
        }
    }

    private async Task ResolveFindingAsync(FindingWork work, CancellationToken cancellationToken)
    {
        Finding finding = work.Finding;
        work.Key = finding.Fingerprint;
        if (KindRules.TicketFor(finding.Kind) is { } kindTicket)
        {
            await ResolveTicketKindAsync(work, kindTicket, cancellationToken).ConfigureAwait(false);
            return;
        }

        var api = new ApiTarget(options.Region, options.AccountId, finding.ApiId ?? string.Empty);
        string? invalid = finding.Stage is null ? "no stage" : api.Validate();
        if (invalid is not null || finding.Stage is null)
        {
            work.Ticket = Decision.Ticket(OutcomeReason.Unresolvable, $"the log does not name a usable API and stage ({invalid})");
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
            work.Ticket = Decision.Ticket(resolution.Failure!.Value, resolution.Problem!);
            return;
        }

        if (resolution.Targets is [{ FromStageSweep: false } target])
        {
            work.Target = target;
            work.Verified.AddRange(target.Trail);
            work.Key = LedgerKey.ForTarget(finding.Kind, target, settings.StageScope);
            return;
        }

        // A sweep's target is chosen by reading the candidates' policies, which waits for the claim.
        work.Sweep = resolution;
    }

    private static bool NeedsContext(Finding finding) =>
        finding.RouteKey is null && (finding.HttpMethod is null || finding.ResourcePath is null) && finding.ApiType != ApiType.Http;
}
