using FsCheck;
using FsCheck.Fluent;
using Remediator.Core.Policy;

namespace Remediator.Core.Tests.Policy;

/// <summary>Properties of the grant path: builder → grant → statement Lambda stores → evaluator.</summary>
public class PermissionGrantProperties
{
    private const string Lower = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const string Mixed = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(300);

    private static readonly Gen<string> Region = Gen.Elements("us-east-1", "eu-west-3", "ap-southeast-2", "cn-north-1", "us-gov-west-1");
    private static readonly Gen<string> Account = Word("0123456789", 12, 12);
    private static readonly Gen<string> ApiId = Word(Lower, 1, 10);
    private static readonly Gen<string> Stage = Word(Mixed + "_-", 1, 12);
    private static readonly Gen<string> ConcreteMethod = Gen.Elements("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

    /// <summary>A resource template and one concrete request path it serves.</summary>
    private static readonly Gen<(string Template, string Concrete)> Path =
        from segments in Gen.Choose(0, 4).SelectMany(n => Segment.ArrayOf(n))
        from proxy in Gen.Frequency((3, Gen.Constant<(string, string)?>(null)), (1, ProxyTail))
        let all = proxy is { } tail ? segments.Append(tail) : segments
        select ("/" + string.Join('/', all.Select(s => s.Item1)), "/" + string.Join('/', all.Select(s => s.Item2)));

    private static Gen<(string, string)> Segment =>
        Gen.OneOf(
            Word(Lower + "-._", 1, 8).Select(literal => (literal, literal)),
            Word(Lower, 1, 6).SelectMany(name => Word(Mixed, 1, 8).Select(value => ("{" + name + "}", value))));

    private static Gen<(string, string)?> ProxyTail =>
        Gen.Choose(1, 3).SelectMany(n => Word(Mixed, 1, 6).ArrayOf(n))
            .Select(parts => ((string, string)?)("{proxy+}", string.Join('/', parts)));

    private static readonly Gen<RestScenario> Rest =
        from region in Region
        from account in Account
        from apiId in ApiId
        from stage in Stage
        from scopeToStage in ArbMap.Default.GeneratorFor<bool>()
        from method in Gen.Frequency((1, Gen.Constant("ANY")), (4, ConcreteMethod))
        from requestMethod in method == "ANY" ? ConcreteMethod : Gen.Constant(method)
        from path in Path
        from name in Word(Mixed + "-_", 1, 20)
        from qualifier in Gen.OneOf(Gen.Constant<string?>(null), Word(Mixed + "-_", 1, 10).Select(q => (string?)q))
        select new RestScenario(new ApiTarget(region, account, apiId), stage, scopeToStage, method, requestMethod, path.Template, path.Concrete,
            new LambdaFunctionArn(AwsPartition.FromRegion(region), region, account, name, qualifier));

    [Fact]
    public void StatementId_AnyGrantValues_IsValidRecognisableAndDeterministic()
    {
        var values =
            from function in Rest.Select(s => s.Function)
            from source in Gen.OneOf(Rest.Select(s => SourceArnBuilder.ForRestMethod(s.Api, null, s.Method, s.Template).Value!), ArbMap.Default.GeneratorFor<string>().Where(s => s is not null))
            from account in Gen.OneOf(Account, ArbMap.Default.GeneratorFor<string>().Where(s => s is not null))
            select (function, source, account);

        Prop.ForAll(values.ToArbitrary(), v =>
        {
            var id = StatementIdFactory.Create(v.function, PolicyConstants.ApiGatewayPrincipal, PolicyConstants.InvokeFunctionAction, v.source, v.account);
            var again = StatementIdFactory.Create(LambdaFunctionArn.Parse(v.function.Arn).Value!, PolicyConstants.ApiGatewayPrincipal, PolicyConstants.InvokeFunctionAction, v.source, v.account);
            return StatementIdFactory.IsValidStatementId(id)
                && StatementIdFactory.IsRemediatorStatementId(id)
                && id.Length <= PolicyConstants.MaxStatementIdLength
                && id == again;
        }).Check(Config);
    }

    [Fact]
    public void RestGrant_OnlyOurStatement_AllowsTheExactRequest()
    {
        Prop.ForAll(Rest.ToArbitrary(), s =>
        {
            var (grant, policy) = GrantAndPolicy(s);
            var request = SourceArnBuilder.ForRestRequest(s.Api, s.Stage, s.RequestMethod, s.Concrete).Value!;

            var decision = PolicyEvaluator.Evaluate(policy, AuthorizationRequest.ApiGatewayInvoke(s.Function.Arn, request, s.Api.AccountId));

            return decision.Kind == PolicyDecisionKind.Allowed && decision.DecidingStatements.SequenceEqual([grant.StatementId]);
        }).Check(Config);
    }

    [Fact]
    public void RestGrant_OnlyOurStatement_NeverAllowsAnotherApiOrAccount()
    {
        var scenarios =
            from s in Rest
            from otherApi in ApiId.Where(id => id != s.Api.ApiId)
            from otherAccount in Account.Where(a => a != s.Api.AccountId)
            select (s, otherApi, otherAccount);

        Prop.ForAll(scenarios.ToArbitrary(), x =>
        {
            var (s, otherApi, otherAccount) = x;
            var (_, policy) = GrantAndPolicy(s);
            PolicyDecisionKind Decide(ApiTarget api, string sourceAccount) => PolicyEvaluator.Evaluate(policy, AuthorizationRequest.ApiGatewayInvoke(
                s.Function.Arn, SourceArnBuilder.ForRestRequest(api, s.Stage, s.RequestMethod, s.Concrete).Value!, sourceAccount)).Kind;

            return Decide(s.Api with { ApiId = otherApi }, s.Api.AccountId) == PolicyDecisionKind.ImplicitDeny
                && Decide(s.Api with { AccountId = otherAccount }, otherAccount) == PolicyDecisionKind.ImplicitDeny
                && Decide(s.Api with { AccountId = otherAccount }, s.Api.AccountId) == PolicyDecisionKind.ImplicitDeny
                && Decide(s.Api, otherAccount) == PolicyDecisionKind.ImplicitDeny;
        }).Check(Config);
    }

    [Fact]
    public void RestGrant_OnlyOurStatement_NeverAllowsAnotherQualifier()
    {
        var scenarios =
            from s in Rest
            from other in Gen.OneOf(Gen.Constant<string?>(null), Word(Mixed, 1, 10).Select(q => (string?)q)).Where(q => q != s.Function.Qualifier)
            select (s, other);

        Prop.ForAll(scenarios.ToArbitrary(), x =>
        {
            var (s, otherQualifier) = x;
            var (_, policy) = GrantAndPolicy(s);
            var request = SourceArnBuilder.ForRestRequest(s.Api, s.Stage, s.RequestMethod, s.Concrete).Value!;

            var decision = PolicyEvaluator.Evaluate(policy, AuthorizationRequest.ApiGatewayInvoke(s.Function.WithQualifier(otherQualifier).Arn, request, s.Api.AccountId));

            return decision.Kind == PolicyDecisionKind.ImplicitDeny;
        }).Check(Config);
    }

    [Fact]
    public void RouteGrant_OnlyOurStatement_AllowsItsRouteAndNoOtherApi()
    {
        var routes = Gen.OneOf(
            Gen.Constant("$default"),
            Gen.Elements("$connect", "$disconnect", "sendMessage"),
            from method in Gen.Elements("GET", "POST", "ANY")
            from path in Path
            select $"{method} {path.Template}");
        var scenarios =
            from s in Rest
            from route in routes
            from otherApi in ApiId.Where(id => id != s.Api.ApiId)
            select (s, route, otherApi);

        Prop.ForAll(scenarios.ToArbitrary(), x =>
        {
            var (s, route, otherApi) = x;
            var source = SourceArnBuilder.ForRoute(s.Api, s.ScopeToStage ? s.Stage : null, route).Value!;
            var grant = PermissionGrant.Create(s.Function, source, s.Api.AccountId).Value!;
            var policy = PolicyFixtures.Parse(LambdaStatementWriter.WritePolicy([grant.ToStatementJson()]));
            PolicyDecisionKind Decide(ApiTarget api) => PolicyEvaluator.Evaluate(policy, AuthorizationRequest.ApiGatewayInvoke(
                s.Function.Arn, SourceArnBuilder.ForRouteRequest(api, s.Stage, route).Value!, api.AccountId)).Kind;

            return Decide(s.Api) == PolicyDecisionKind.Allowed && Decide(s.Api with { ApiId = otherApi }) == PolicyDecisionKind.ImplicitDeny;
        }).Check(Config);
    }

    private static (PermissionGrant Grant, PolicyDocument Policy) GrantAndPolicy(RestScenario s)
    {
        var source = SourceArnBuilder.ForRestMethod(s.Api, s.ScopeToStage ? s.Stage : null, s.Method, s.Template);
        var grant = PermissionGrant.Create(s.Function, source.Value!, s.Api.AccountId);
        if (!grant.IsSuccess)
        {
            throw new InvalidOperationException($"{s}: {string.Join("; ", grant.Error.Select(r => r.Message))}");
        }

        return (grant.Value, PolicyFixtures.Parse(LambdaStatementWriter.WritePolicy([grant.Value.ToStatementJson()])));
    }

    private static Gen<string> Word(string alphabet, int min, int max) =>
        Gen.Choose(min, max).SelectMany(n => Gen.Elements(alphabet.ToCharArray()).ArrayOf(n)).Select(chars => new string(chars));

    private sealed record RestScenario(
        ApiTarget Api, string Stage, bool ScopeToStage, string Method, string RequestMethod, string Template, string Concrete, LambdaFunctionArn Function);
}
