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
            if (KindRules.TicketFor(finding.Kind) is { } kindTicket)
            {
                return await failures.ResolveAsync(resolved, kindTicket, cancellationToken).ConfigureAwait(false);
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
        TargetKind kind = finding.Kind == FindingKind.AuthorizerInvokePermission ? TargetKind.Authorizer : TargetKind.Integration;
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

    /// <summary>Reads the request's context lines back from its log group when the batch lacks its method and path.</summary>
    private async Task<ResolvedFinding> WithContextAsync(ResolvedFinding resolved, CancellationToken cancellationToken)
    {
        Finding finding = resolved.Finding;
        bool needsContext = finding.RouteKey is null && (finding.HttpMethod is null || finding.ResourcePath is null) && finding.ApiType != ApiType.Http;

        // A request its authorizer refused never reaches the lines that name its method and path; when the batch
        // already holds its INFO lines (they name the authorizer's function), there is nothing more to read.
        bool contextInBatch = finding.Kind == FindingKind.AuthorizerInvokePermission && finding.FunctionArn is not null;
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
