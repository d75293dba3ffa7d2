using Remediator.Core.Configuration;
using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Intake;
using Remediator.Core.Policy;
using Remediator.Core.Ports;
using Remediator.Core.Verification;

namespace Remediator.Core.Engine;

/// <summary>
/// Resolves each finding against the control plane (memoised reads, no claim, no Lambda call) to what
/// served its request, and so to its root-cause key (docs/ARCHITECTURE.md, "Ledger and root-cause key").
/// </summary>
internal sealed class ResolveStage(
    EngineDependencies deps, RemediatorSettings settings, EngineOptions options, ControlPlaneReader reader, LogBatch batch)
{
    private readonly FailureResolver failures = new(settings, options, reader);

    /// <summary>The finding resolved; a control-plane read no retry cures ends as its ticket, a transient one throws.</summary>
    public async Task<ResolvedFinding> ResolveAsync(Finding finding, int index, CancellationToken cancellationToken)
    {
        var resolved = ResolvedFinding.Unresolved(finding, index, finding.Fingerprint);
        try
        {
            if (!KindRules.IsPermissionKind(finding.Kind))
            {
                // The subscription delivers failure lines only: the request's context (its route, and what Lambda
                // answered) is read back, and may show a more precise kind (a malformed response that was throttling).
                resolved = Refined(await WithContextAsync(resolved, cancellationToken).ConfigureAwait(false));
                return await failures.ResolveAsync(resolved, KindRules.TicketFor(resolved.Finding.Kind)!, cancellationToken).ConfigureAwait(false);
            }

            if (UnusableApi(finding) is { } unusable)
            {
                return resolved with { Ticket = unusable };
            }

            resolved = await WithContextAsync(resolved, cancellationToken).ConfigureAwait(false);
            return await ResolveTargetAsync(resolved, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (!TransientAwsErrors.IsTransient(e))
        {
            // Access denied would fail every retry of the batch and never escalate: it becomes this finding's
            // ticket on its fingerprint instead; nothing is claimed yet, so nothing is left half done.
            string problem = $"the control plane could not be read ({e.ErrorCode}: {e.ServiceMessage})";
            return resolved with
            {
                Verified = [.. resolved.Verified, FailureResolver.Unconfirmed(problem)],
                Ticket = KindRules.TicketFor(finding.Kind) ?? Decision.Ticket(OutcomeReason.Unresolvable, problem),
            };
        }
    }

    private Decision? UnusableApi(Finding finding)
    {
        string? invalid = finding.Stage is null ? "no stage" : Api(finding).Validate();
        return invalid is null ? null : Decision.Ticket(OutcomeReason.Unresolvable, $"the log does not name a usable API and stage ({invalid})");
    }

    private ApiTarget Api(Finding finding) => new(options.Region, options.AccountId, finding.ApiId ?? string.Empty);

    private async Task<ResolvedFinding> ResolveTargetAsync(ResolvedFinding resolved, CancellationToken cancellationToken)
    {
        Finding finding = resolved.Finding;
        Finding request = resolved.Request;
        TargetKind kind = KindRules.TargetOf(finding.Kind);
        ApiType hint = request.ApiType != ApiType.Unknown ? request.ApiType : finding.ApiType;
        Resolution resolution = await ApiResolver.ResolveAsync(
            new ResolutionRequest(Api(finding), finding.Stage!, kind, hint, request.HttpMethod, request.ResourcePath, request.RouteKey),
            reader,
            cancellationToken).ConfigureAwait(false);
        if (resolution.IsFailure)
        {
            return resolved with
            {
                Verified = [.. resolved.Verified, .. resolution.Trail],
                Ticket = Decision.Ticket(resolution.Failure!.Value, resolution.Problem!),
            };
        }

        if (resolution.Targets is [{ FromStageSweep: false } target])
        {
            return resolved with
            {
                Target = target,
                Verified = [.. resolved.Verified, .. target.Trail],
                Key = RootCauseKey.ForTarget(finding.Kind, target, settings.StageScope),
            };
        }

        // A sweep's target is chosen by reading the candidates' policies, which waits for the claim.
        return resolved with { Sweep = resolution };
    }

    /// <summary>
    /// The finding with the kind its read-back request shows, when that differs: a ticket kind is only ever refined
    /// into another ticket kind (<see cref="RequestContextFetcher"/>), never into one a grant may fix.
    /// </summary>
    private static ResolvedFinding Refined(ResolvedFinding resolved)
    {
        Finding finding = resolved.Finding;
        FindingKind seen = resolved.Request.Kind;
        return seen == finding.Kind || KindRules.IsPermissionKind(seen)
            ? resolved
            : resolved with
            {
                Finding = finding with { Kind = seen },
                Key = (finding with { Kind = seen }).Fingerprint,
                Verified = [.. resolved.Verified, $"The request's lines show {seen}, which the delivered line alone ({finding.Kind}) did not tell."],
            };
    }

    /// <summary>Reads the request's context lines back from its log group when the batch lacks its method and path.</summary>
    private async Task<ResolvedFinding> WithContextAsync(ResolvedFinding resolved, CancellationToken cancellationToken)
    {
        Finding finding = resolved.Finding;
        bool needsContext = finding.RouteKey is null && (finding.HttpMethod is null || finding.ResourcePath is null) && finding.ApiType != ApiType.Http;

        // A request its authorizer refused never reaches the lines that name its method and path; when the batch
        // already holds its INFO lines (they name the authorizer's function), there is nothing more to read.
        bool contextInBatch = KindRules.TargetOf(finding.Kind) == TargetKind.Authorizer && finding.FunctionArn is not null;
        if (!needsContext || contextInBatch || !RequestContextFetcher.CanFetch(batch))
        {
            return resolved;
        }

        Finding? fetched;
        try
        {
            fetched = await RequestContextFetcher.FetchAsync(finding, batch, deps.Logs, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (!TransientAwsErrors.IsTransient(e))
        {
            // The context is a hint; the stage sweep answers without it (a transient failure still fails the invocation).
            return resolved with
            {
                Verified = [$"The request's context lines could not be read back from {batch.LogGroup} ({e.ErrorCode}: {e.ServiceMessage}); every Lambda target of the stage is checked instead."],
            };
        }

        return fetched is null
            ? resolved
            : resolved with
            {
                Request = fetched,
                Verified = [$"The request's context lines were read back from {batch.LogGroup} (request {fetched.RequestIds.FirstOrDefault()})."],
            };
    }
}
