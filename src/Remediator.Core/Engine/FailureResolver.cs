using Remediator.Core.Configuration;
using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Policy;
using Remediator.Core.Verification;

namespace Remediator.Core.Engine;

/// <summary>
/// Resolves a finding of a kind no grant fixes (a function error, a malformed response...) to what served
/// its request, so that its ticket names the verified function and integration and its key is what failed:
/// the function for a failure the function causes, the target otherwise. When the control plane does not
/// confirm the logged request, the finding keeps its fingerprint and the catalogue's ticket.
/// </summary>
internal sealed class FailureResolver(RemediatorSettings settings, EngineOptions options, ControlPlaneReader reader)
{
    /// <summary>The finding, resolved as far as the control plane confirms it; never a grant.</summary>
    public async Task<ResolvedFinding> ResolveAsync(ResolvedFinding unresolved, Decision kindTicket, CancellationToken cancellationToken)
    {
        Finding finding = unresolved.Finding;
        ResolvedFinding resolved = unresolved with { Ticket = kindTicket };

        // Without the request's method and path (or route) the fingerprint holds no path either, so it cannot
        // split one failure into many; a stage sweep would read every integration to learn nothing a ticket needs.
        var api = new ApiTarget(options.Region, options.AccountId, finding.ApiId ?? string.Empty);
        bool knowsRequest = finding.RouteKey is not null || (finding.HttpMethod is not null && finding.ResourcePath is not null);
        if (finding.Stage is null || !knowsRequest || api.Validate() is not null)
        {
            return resolved;
        }

        Resolution resolution = await ApiResolver.ResolveAsync(
            new ResolutionRequest(api, finding.Stage, TargetKind.Integration, finding.ApiType, finding.HttpMethod, finding.ResourcePath, finding.RouteKey),
            reader,
            cancellationToken).ConfigureAwait(false);
        if (resolution.IsFailure || resolution.Targets is not [{ FromStageSweep: false } target])
        {
            return resolved with { Verified = [.. resolution.Trail, Unconfirmed(resolution.Problem ?? "it resolves to no single integration")] };
        }

        if (Contradiction(resolved, target) is { } contradiction)
        {
            return resolved with { Verified = [.. target.Trail, Unconfirmed(contradiction)] };
        }

        LambdaFunctionArn? function = target.Lambda.Function;
        return resolved with
        {
            Target = target,
            Verified = target.Trail,
            Key = KindRules.IsFunctionFault(finding.Kind)
                ? RootCauseKey.ForFunction(finding.Kind, function!)
                : RootCauseKey.ForTarget(finding.Kind, target, settings.StageScope),
            Ticket = KindRules.TicketFor(finding.Kind, target, finding.Evidence.Select(ExecutionLine.ResponseBody).FirstOrDefault(body => body is not null)),
        };
    }

    /// <summary>The line saying a ticket stands for the logged request alone, because the control plane does not confirm it.</summary>
    public static string Unconfirmed(string problem) =>
        $"The control plane does not confirm the logged request ({problem}): this ticket stands for the logged request alone.";

    private static string? Contradiction(ResolvedFinding resolved, ResolvedTarget target)
    {
        LambdaFunctionArn? function = target.Lambda.Function;
        string? logged = resolved.LoggedFunctionArn;
        if (logged is not null && !string.Equals(logged, function?.Arn, StringComparison.Ordinal))
        {
            return $"the log names function {logged}, but {target.Describe()} on stage {target.Stage} invokes {function?.Arn ?? "no Lambda function"}";
        }

        return KindRules.IsFunctionFault(resolved.Finding.Kind) && function is null
            ? $"the log reports a Lambda function's failure, but {target.Describe()} invokes none ({target.Lambda.Problem})"
            : null;
    }
}
