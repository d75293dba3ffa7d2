using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Policy;
using Remediator.Core.Verification;

namespace Remediator.Core.Engine;

internal sealed partial class InvocationPass
{
    private const int MaxRoutesNamed = 5;

    /// <summary>
    /// A finding of a kind no grant fixes (DESIGN.md §2) is ticketed and never granted, but what served its
    /// request is resolved like a refused call's (the same memoised reads, no Lambda call), so the ticket
    /// names the verified function and integration, and the finding is keyed on what failed rather than on
    /// the logged path: a function that fails on every id behind <c>GET /users/{id}</c> is one root cause
    /// (<see cref="LedgerKey.ForFunction"/>; an unrecognised 5xx, which may be the integration's, is keyed on
    /// its target). When the control plane does not confirm the request (no such API, stage, resource, route
    /// or integration, or another function than the log names), the finding keeps its fingerprint and the
    /// catalogue's ticket, with what was read.
    /// </summary>
    private async Task ResolveTicketKindAsync(FindingWork work, Decision kindTicket, CancellationToken cancellationToken)
    {
        Finding finding = work.Finding;
        work.Ticket = kindTicket;

        // Without the request's method and path (or route) the fingerprint holds no path either, so it cannot
        // split one failure into many; a stage sweep would read every integration to learn nothing a ticket needs.
        var api = new ApiTarget(options.Region, options.AccountId, finding.ApiId ?? string.Empty);
        bool knowsRequest = finding.RouteKey is not null || (finding.HttpMethod is not null && finding.ResourcePath is not null);
        if (finding.Stage is null || !knowsRequest || api.Validate() is not null)
        {
            return;
        }

        Resolution resolution = await ApiResolver.ResolveAsync(
            new ResolutionRequest(api, finding.Stage, TargetKind.Integration, finding.ApiType, finding.HttpMethod, finding.ResourcePath, finding.RouteKey),
            reader,
            cancellationToken).ConfigureAwait(false);
        if (resolution.IsFailure || resolution.Targets is not [{ FromStageSweep: false } target])
        {
            work.Verified.AddRange(resolution.Trail);
            work.Verified.Add(Unconfirmed(resolution.Problem ?? "it resolves to no single integration"));
            return;
        }

        LambdaFunctionArn? function = target.Function.Function;
        string? logged = work.LoggedFunctionArn;
        bool functionFault = KindRules.IsFunctionFault(finding.Kind);
        string? contradiction =
            logged is not null && !string.Equals(logged, function?.Arn, StringComparison.Ordinal)
                ? $"the log names function {logged}, but {target.Describe()} on stage {target.Stage} invokes {function?.Arn ?? "no Lambda function"}"
            : functionFault && function is null ? $"the log reports a Lambda function's failure, but {target.Describe()} invokes none ({target.Function.Problem})"
            : null;
        if (contradiction is not null)
        {
            work.Verified.AddRange(target.Trail);
            work.Verified.Add(Unconfirmed(contradiction));
            return;
        }

        work.Target = target;
        work.Verified.AddRange(target.Trail);
        work.Key = functionFault
            ? LedgerKey.ForFunction(finding.Kind, function!)
            : LedgerKey.ForTarget(finding.Kind, target, settings.StageScope);
        work.Ticket = KindRules.TicketFor(finding.Kind, target, finding.Evidence.Select(ExecutionLine.ResponseBody).FirstOrDefault(body => body is not null));
    }

    /// <summary>What a ticket's root cause stands for when several requests of the batch share it: how many, and through which targets.</summary>
    private static string SharedTicketLine(RootCauseWork work, ResolvedTarget leader)
    {
        string[] routes = work.Members.Select(member => member.Target!.Describe()).Distinct(StringComparer.Ordinal).ToArray();
        string named = string.Join(", ", routes.Take(MaxRoutesNamed)) + (routes.Length > MaxRoutesNamed ? $" and {routes.Length - MaxRoutesNamed} more" : string.Empty);
        string reached = leader.Function.Function is { } function ? $"reach function {function.Arn} through {named}" : $"fail on {named}";
        return $"{work.Members.Count} logged requests of this batch {reached}: one root cause, one ticket.";
    }

    private static string Unconfirmed(string problem) =>
        $"The control plane does not confirm the logged request ({problem}): this ticket stands for the logged request alone.";
}
