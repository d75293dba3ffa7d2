using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Engine;
using Remediator.Core.Policy;
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

    private static Task<Resolution> ResolveSweepAsync(InMemoryApiGateway rest, InMemoryApiGatewayV2 v2, string apiId) =>
        ApiResolver.ResolveAsync(
            new ResolutionRequest(new ApiTarget(Region, Account, apiId), Stage, TargetKind.Integration, ApiType.Unknown, null, null, null),
            new ControlPlaneReader(rest, v2, new InMemoryLambda()),
            CancellationToken.None);
}
