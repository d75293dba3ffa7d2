using Remediator.Core.Configuration;
using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Policy;
using Remediator.Core.Ports;
using Remediator.Core.Verification;

namespace Remediator.Core.Engine;

/// <summary>
/// Resolves a finding of a kind no grant fixes (a function error, a malformed response, a role API Gateway cannot
/// assume...) to what served its request, so that its ticket names the verified function, integration, authorizer
/// or role and its key is what failed: the function for a failure the function causes, the target otherwise. When
/// the control plane does not confirm the logged request, the finding keeps its fingerprint and the catalogue's ticket.
/// </summary>
internal sealed class FailureResolver(RemediatorSettings settings, EngineOptions options, ControlPlaneReader reader)
{
    /// <summary>The finding, resolved as far as the control plane confirms it; never a grant.</summary>
    public async Task<ResolvedFinding> ResolveAsync(ResolvedFinding unresolved, Decision kindTicket, CancellationToken cancellationToken)
    {
        Finding finding = unresolved.Finding;
        Finding request = unresolved.Request;
        ResolvedFinding resolved = unresolved with { Ticket = kindTicket };

        // Without the request's method and path (or route) the fingerprint holds no path either, so it cannot
        // split one failure into many; a stage sweep would read every integration to learn nothing a ticket needs.
        var api = new ApiTarget(options.Region, options.AccountId, finding.ApiId ?? string.Empty);
        bool knowsRequest = request.RouteKey is not null || (request.HttpMethod is not null && request.ResourcePath is not null);
        if (finding.Stage is null || !knowsRequest || api.Validate() is not null)
        {
            return resolved;
        }

        ApiType hint = request.ApiType != ApiType.Unknown ? request.ApiType : finding.ApiType;
        Resolution resolution = await ApiResolver.ResolveAsync(
            new ResolutionRequest(api, finding.Stage, KindRules.TargetOf(finding.Kind), hint, request.HttpMethod, request.ResourcePath, request.RouteKey),
            reader,
            cancellationToken).ConfigureAwait(false);
        if (resolution.IsFailure || resolution.Targets is not [{ FromStageSweep: false } target])
        {
            return resolved with { Verified = [.. resolved.Verified, .. resolution.Trail, Unconfirmed(resolution.Problem ?? "it resolves to no single target")] };
        }

        if (Contradiction(resolved, target) is { } contradiction)
        {
            return resolved with { Verified = [.. resolved.Verified, .. target.Trail, Unconfirmed(contradiction)] };
        }

        LambdaFunctionArn? function = target.Lambda.Function;
        IReadOnlyList<string> verified = [.. resolved.Verified, .. target.Trail];
        string? fact = null;
        if (finding.Kind == FindingKind.FunctionThrottled && function is not null)
        {
            (fact, string read) = await ReservedConcurrencyAsync(function, cancellationToken).ConfigureAwait(false);
            verified = [.. verified, read];
        }

        return resolved with
        {
            Target = target,
            Verified = verified,
            Key = KindRules.IsFunctionFault(finding.Kind) && function is not null
                ? RootCauseKey.ForFunction(finding.Kind, function)
                : RootCauseKey.ForTarget(finding.Kind, target, settings.StageScope),
            Ticket = KindRules.TicketFor(finding.Kind, target, LoggedResponseBody(resolved), fact),
        };
    }

    /// <summary>The line saying a ticket stands for the logged request alone, because the control plane does not confirm it.</summary>
    public static string Unconfirmed(string problem) =>
        $"The control plane does not confirm the logged request ({problem}): this ticket stands for the logged request alone.";

    private static string? LoggedResponseBody(ResolvedFinding resolved) =>
        resolved.Finding.Evidence.Concat(resolved.Request.Evidence).Select(ExecutionLine.ResponseBody).FirstOrDefault(body => body is not null);

    // Lambda keeps one concurrency setting per function (not per version or alias). A read refused for good leaves
    // the ticket without the fact; a transient failure fails the invocation like any other read.
    private async Task<(string? Fact, string Read)> ReservedConcurrencyAsync(LambdaFunctionArn function, CancellationToken cancellationToken)
    {
        try
        {
            int? reserved = await reader.GetReservedConcurrencyAsync(function.UnqualifiedArn, cancellationToken).ConfigureAwait(false);
            string fact = reserved switch
            {
                null => "It has no reserved concurrency: it shares the account's unreserved concurrency with the other functions of the region",
                0 => "Its reserved concurrency is 0, which throttles every invocation (what the console's Throttle button sets)",
                { } n => $"Its reserved concurrency is {n}: at most {n} invocation{(n == 1 ? string.Empty : "s")} run at once",
            };
            return (fact, $"Function {function.UnqualifiedArn} has {(reserved is null ? "no reserved concurrency" : $"reserved concurrency {reserved}")} (GetFunctionConcurrency).");
        }
        catch (AwsServiceException e) when (!TransientAwsErrors.IsTransient(e))
        {
            return (null, $"The reserved concurrency of {function.UnqualifiedArn} could not be read ({e.ErrorCode}).");
        }
    }

    private static string? Contradiction(ResolvedFinding resolved, ResolvedTarget target)
    {
        LambdaFunctionArn? function = target.Lambda.Function;
        string? logged = resolved.LoggedFunctionArn;
        FindingKind kind = resolved.Finding.Kind;
        if (logged is not null && !string.Equals(logged, function?.Arn, StringComparison.Ordinal))
        {
            return $"the log names function {logged}, but {target.Describe()} on stage {target.Stage} invokes {function?.Arn ?? "no Lambda function"}";
        }

        if (kind is FindingKind.CredentialsRoleNotAssumable or FindingKind.AuthorizerCredentialsRoleNotAssumable && target.Credentials is null)
        {
            return $"the log says API Gateway could not assume the credentials role of {target.Describe()}, which has no credentials";
        }

        // Any integration can time out; only the other function faults need the Lambda function they blame.
        return KindRules.IsFunctionFault(kind) && kind != FindingKind.IntegrationTimeout && function is null
            ? $"the log reports a Lambda function's failure, but {target.Describe()} invokes none ({target.Lambda.Problem})"
            : null;
    }
}
