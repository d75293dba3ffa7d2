using Remediator.Core.Configuration;
using Remediator.Core.Policy;
using Remediator.Core.Verification;

namespace Remediator.Core.Decisions;

/// <summary>
/// Builds the request ARN and the least-privilege grant for a target that passed <see cref="TargetChecks"/>
/// (docs/ARCHITECTURE.md, "The permission Remediator adds").
/// </summary>
public static class GrantPlanner
{
    /// <summary>The plan, or the ticket saying why no safe grant exists.</summary>
    public static (GrantPlan? Plan, Decision? Refusal) Plan(ResolvedTarget target, StageScope scope)
    {
        ArgumentNullException.ThrowIfNull(target);
        LambdaFunctionArn function = target.Lambda.Function
            ?? throw new ArgumentException("The target's function is not resolved.", nameof(target));
        string? grantStage = scope == StageScope.Stage ? target.Stage : null;
        Result<string, string> requestArn = RequestArn(target);
        Result<string, string> grantArn = GrantArn(target, grantStage);
        if (!requestArn.IsSuccess || !grantArn.IsSuccess)
        {
            return (null, Decision.Ticket(OutcomeReason.Unresolvable, $"no safe source ARN for {target.Describe()}: {requestArn.Error ?? grantArn.Error}"));
        }

        Result<PermissionGrant, IReadOnlyList<GrantRefusal>> grant = PermissionGrant.Create(function, grantArn.Value, target.Api.AccountId);
        if (!grant.IsSuccess)
        {
            OutcomeReason reason = grant.Error.Any(r => r.Reason == GrantRefusalReason.CrossAccountFunction)
                ? OutcomeReason.CrossAccountFunction
                : OutcomeReason.Unresolvable;
            return (null, Decision.Ticket(reason, "no safe grant exists: " + string.Join("; ", grant.Error.Select(r => r.Message))));
        }

        var request = AuthorizationRequest.ApiGatewayInvoke(function.Arn, requestArn.Value, target.Api.AccountId);
        var plan = new GrantPlan(target, requestArn.Value, request, grant.Value);

        // A guard on our own arithmetic: the statement we would add must allow the call it is for.
        PolicyDocument alone = PolicyParser.Parse(LambdaStatementWriter.WritePolicy([grant.Value.ToStatementJson()])).Value!;
        return PolicyEvaluator.Evaluate(alone, request).IsAllowed
            ? (plan, null)
            : (null, Decision.Ticket(OutcomeReason.Unresolvable, $"the grant {grant.Value.SourceArn} would not allow {requestArn.Value}"));
    }

    private static Result<string, string> RequestArn(ResolvedTarget target)
    {
        if (target.Kind == TargetKind.Authorizer)
        {
            return SourceArnBuilder.ForAuthorizer(target.Api, target.AuthorizerId!);
        }

        if (target.RouteKey is { } routeKey)
        {
            // A route key names the route; with the request's own method standing in for ANY.
            int space = routeKey.IndexOf(' ', StringComparison.Ordinal);
            string form = space > 0 && target.RequestMethod is not null && routeKey[..space] == RestMethodSelector.AnyMethod
                ? $"{target.RequestMethod} {routeKey[(space + 1)..]}"
                : routeKey;
            return SourceArnBuilder.ForRouteRequest(target.Api, target.Stage, form);
        }

        // The whole method on the failed stage stands in for a request whose logged path cannot be an ARN
        // (spaces, control characters) or was not logged at all.
        Result<string, string> concrete = target.RequestMethod is not null && target.RequestPath is not null
            ? SourceArnBuilder.ForRestRequest(target.Api, target.Stage, target.RequestMethod, target.RequestPath)
            : Result<string, string>.Failure("no logged request");
        return concrete.IsSuccess ? concrete : SourceArnBuilder.ForRestMethod(target.Api, target.Stage, target.HttpMethod!, target.ResourcePath!);
    }

    private static Result<string, string> GrantArn(ResolvedTarget target, string? stage) =>
        target.Kind == TargetKind.Authorizer ? SourceArnBuilder.ForAuthorizer(target.Api, target.AuthorizerId!)
        : target.RouteKey is { } routeKey ? SourceArnBuilder.ForRoute(target.Api, stage, routeKey)
        : SourceArnBuilder.ForRestMethod(target.Api, stage, target.HttpMethod!, target.ResourcePath!);
}
