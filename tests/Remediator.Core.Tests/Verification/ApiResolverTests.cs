using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Engine;
using Remediator.Core.Policy;
using Remediator.Core.Ports;
using Remediator.Core.Tests.Engine;
using Remediator.Core.Tests.Fakes;
using Remediator.Core.Verification;
using static Remediator.Core.Tests.Engine.EngineWorld;

namespace Remediator.Core.Tests.Verification;

public class ApiResolverTests
{
    private static readonly int OverTheCap = ResolutionSteps.MaxSweepTargets + 1;

    [Fact]
    public async Task ResolveAsync_RestSweepOverTheCap_FailsInsteadOfReturningPartOfTheStage()
    {
        var rest = new InMemoryApiGateway().AddApi(RestApiId).AddStage(RestApiId, Stage);
        for (int i = 0; i < OverTheCap; i++)
        {
            rest.AddMethod(RestApiId, $"/r{i}", "GET", Proxy(Function($"f{i}")));
        }

        Resolution resolution = await ResolveSweepAsync(rest, new InMemoryApiGatewayV2(), RestApiId);

        Assert.Equal(OutcomeReason.Unresolvable, resolution.Failure);
        Assert.Empty(resolution.Targets);
    }

    [Fact]
    public async Task ResolveAsync_WebSocketSweepOverTheCap_FailsInsteadOfReturningPartOfTheStage()
    {
        var v2 = new InMemoryApiGatewayV2().AddApi(WsApiId, "WEBSOCKET").AddStage(WsApiId, Stage);
        for (int i = 0; i < OverTheCap; i++)
        {
            v2.AddRoute(WsApiId, $"action{i}", InvokeUri(Function($"f{i}")));
        }

        Resolution resolution = await ResolveSweepAsync(new InMemoryApiGateway(), v2, WsApiId);

        Assert.Equal(OutcomeReason.Unresolvable, resolution.Failure);
        Assert.Empty(resolution.Targets);
    }

    [Fact]
    public async Task ProcessAsync_SweepOverTheCapWithOneUnallowedTargetInside_GrantsNothing()
    {
        // The failed request may be the one past the cap: the one unallowed target inside it proves nothing.
        var world = new EngineWorld();
        world.Rest.AddApi(RestApiId).AddStage(RestApiId, Stage);
        for (int i = 0; i < OverTheCap; i++)
        {
            string function = Function($"f{i}");
            world.Lambda.AddFunction(function);
            world.Rest.AddMethod(RestApiId, $"/r{i}", "GET", Proxy(function));
            if (i is not 0 and not 100)
            {
                world.Lambda.AddStatement(function, null, LambdaStatementWriter.WriteStatement(
                    $"console-{i}", PolicyConstants.ApiGatewayPrincipal, PolicyConstants.InvokeFunctionAction, function,
                    $"arn:aws:execute-api:{Region}:{Account}:{RestApiId}/*/GET/r{i}", null));
            }
        }

        EngineOutcome outcome = Assert.Single((await world.RunAsync(RestBatch(ErrorOnly("req-1")))).Outcomes);

        Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.Unresolvable), (outcome.Outcome, outcome.Reason));
        Assert.Equal(0, world.Lambda.Count("AddPermission"));
    }

    [Fact]
    public async Task ResolveAsync_HttpShapedLog_AsksApiGatewayV2FirstAndNeverGetRestApi()
    {
        var rest = new InMemoryApiGateway();
        var v2 = new InMemoryApiGatewayV2().AddApi(HttpApiId).AddStage(HttpApiId, "$default").AddRoute(HttpApiId, "GET /items", InvokeUri(Function("items")));

        Resolution resolution = await ApiResolver.ResolveAsync(
            new ResolutionRequest(new ApiTarget(Region, Account, HttpApiId), "$default", TargetKind.Integration, ApiType.Http, "GET", "/items", "GET /items"),
            new ControlPlaneReader(rest, v2, new InMemoryLambda()),
            CancellationToken.None);

        Assert.False(resolution.IsFailure, resolution.Problem);
        Assert.Empty(rest.Calls);
        Assert.Equal(1, v2.Count("GetApi"));
    }

    [Fact]
    public async Task ResolveAsync_HttpShapedLogForARestApi_StillRefusesTheMismatch()
    {
        var rest = new InMemoryApiGateway().AddApi(RestApiId).AddStage(RestApiId, Stage).AddMethod(RestApiId, "/items", "GET", Proxy(Function("items")));

        Resolution resolution = await ApiResolver.ResolveAsync(
            new ResolutionRequest(new ApiTarget(Region, Account, RestApiId), Stage, TargetKind.Integration, ApiType.Http, "GET", "/items", "GET /items"),
            new ControlPlaneReader(rest, new InMemoryApiGatewayV2(), new InMemoryLambda()),
            CancellationToken.None);

        Assert.Equal(OutcomeReason.LogControlPlaneMismatch, resolution.Failure);
        Assert.Equal(["GetRestApi"], rest.Calls);
    }

    [Fact]
    public async Task ResolveAsync_RestMethod_ReadsTheStageExportAndNoDraftResources()
    {
        var rest = new InMemoryApiGateway().AddApi(RestApiId).AddStage(RestApiId, Stage).AddMethod(RestApiId, "/pets/{id}", "GET", Proxy(Function("pets")));

        Resolution resolution = await ApiResolver.ResolveAsync(
            new ResolutionRequest(new ApiTarget(Region, Account, RestApiId), Stage, TargetKind.Integration, ApiType.Rest, "GET", "/pets/7", null),
            new ControlPlaneReader(rest, new InMemoryApiGatewayV2(), new InMemoryLambda()),
            CancellationToken.None);

        ResolvedTarget target = Assert.Single(resolution.Targets);
        Assert.Equal(("/pets/{id}", "GET", Function("pets")), (target.ResourcePath, target.HttpMethod, target.Lambda.Function!.Arn));
        Assert.Equal(["GetRestApi", "GetStage", "GetExport"], rest.Calls);
        Assert.Contains(target.Trail, line => line.Contains("deployed integration", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task ResolveAsync_DeployedAuthorizerNotExactlyOnceInTheDraft_FailsWithoutAnId(int draftCopies)
    {
        string auth = Function("auth");
        var rest = new InMemoryApiGateway().AddApi(RestApiId).AddStage(RestApiId, Stage)
            .AddAuthorizer(RestApiId, "az1", InvokeUri(auth))
            .AddMethod(RestApiId, "/pets", "GET", Proxy(Function("pets")), authorizerId: "az1");
        var draft = new DraftAuthorizers(rest, RestApiId, draftCopies);

        Resolution resolution = await ApiResolver.ResolveAsync(
            new ResolutionRequest(new ApiTarget(Region, Account, RestApiId), Stage, TargetKind.Authorizer, ApiType.Rest, "GET", "/pets", null),
            new ControlPlaneReader(draft, new InMemoryApiGatewayV2(), new InMemoryLambda()),
            CancellationToken.None);

        Assert.Equal(OutcomeReason.Unresolvable, resolution.Failure);
        Assert.Contains("id", resolution.Problem, StringComparison.Ordinal);
    }

    private static Task<Resolution> ResolveSweepAsync(InMemoryApiGateway rest, InMemoryApiGatewayV2 v2, string apiId) =>
        ApiResolver.ResolveAsync(
            new ResolutionRequest(new ApiTarget(Region, Account, apiId), Stage, TargetKind.Integration, ApiType.Unknown, null, null, null),
            new ControlPlaneReader(rest, v2, new InMemoryLambda()),
            CancellationToken.None);

    /// <summary>The fake's API, except that the draft defines the deployed authorizer <paramref name="copies"/> times.</summary>
    private sealed class DraftAuthorizers(InMemoryApiGateway inner, string apiId, int copies) : IApiGatewayClient
    {
        public Task<RestApi?> GetRestApiAsync(string restApiId, CancellationToken cancellationToken) => inner.GetRestApiAsync(restApiId, cancellationToken);

        public Task<IReadOnlyList<RestApi>> GetRestApisAsync(CancellationToken cancellationToken) => inner.GetRestApisAsync(cancellationToken);

        public Task<RestStage?> GetStageAsync(string restApiId, string stageName, CancellationToken cancellationToken) => inner.GetStageAsync(restApiId, stageName, cancellationToken);

        public Task<IReadOnlyList<RestStage>> GetStagesAsync(string restApiId, CancellationToken cancellationToken) => inner.GetStagesAsync(restApiId, cancellationToken);

        public Task<Result<RestDeployment, string>?> GetStageDeploymentAsync(string restApiId, string stageName, CancellationToken cancellationToken) =>
            inner.GetStageDeploymentAsync(restApiId, stageName, cancellationToken);

        public async Task<IReadOnlyList<RestAuthorizer>> GetAuthorizersAsync(string restApiId, CancellationToken cancellationToken)
        {
            RestAuthorizer one = Assert.Single(await inner.GetAuthorizersAsync(apiId, cancellationToken));
            return [.. Enumerable.Range(0, copies).Select(i => one with { Id = $"{one.Id}{i}" })];
        }
    }
}
