using Remediator.Core.Audit;
using Remediator.Core.Configuration;
using Remediator.Core.Diagnosis;
using Remediator.Core.Engine;
using Remediator.Core.Policy;
using Remediator.Core.Tests.Engine;
using Remediator.Core.Verification;
using static Remediator.Core.Tests.Engine.EngineWorld;

namespace Remediator.Core.Tests.Audit;

/// <summary>The audit over the in-memory control plane: every target shape and verdict, read-only.</summary>
public class AuditorTests
{
    private const string Id = "5a1c0d2e-1111-4222-8333-444455556666";

    [Fact]
    public async Task AuditAsync_StageVariableFunctionWithoutPermission_IsMissingWithTheGrantTheEngineAdds()
    {
        var world = new EngineWorld();
        string prod = Function("pets-prod");
        world.Lambda.AddFunction(prod);
        world.Rest.AddApi(RestApiId).AddStage(RestApiId, Stage, new Dictionary<string, string> { ["fn"] = "pets-prod" })
            .AddMethod(RestApiId, "/pets/{id}", "GET", Proxy(Function("${stageVariables.fn}")));

        AuditReport report = await Audit(world);

        AuditEntry entry = Assert.Single(report.Entries);
        Assert.Equal((AuditStatus.Missing, "GET /pets/{id}", prod), (entry.Status, entry.Target, entry.FunctionArn));
        Assert.Equal($"arn:aws:execute-api:{Region}:{Account}:{RestApiId}/prod/GET/pets/*", entry.SourceArn);
        Assert.Equal($"arn:aws:execute-api:{Region}:{Account}:{RestApiId}/prod/GET/pets/*", entry.Grant!.SourceArn);
        Assert.StartsWith("aws lambda add-permission --function-name", entry.Grant.ToAddPermissionCommand(), StringComparison.Ordinal);
        Assert.True(report.HasBlockingEntries);
        Assert.Equal(0, world.Lambda.Count("AddPermission"));

        EngineOutcome fix = Assert.Single((await world.RunAsync(RestBatch(RestFailure(Id, "GET", "/pets/42", prod)))).Outcomes);
        AuditReport after = await Audit(world);

        Assert.Equal(AuditStatus.Allowed, Assert.Single(after.Entries).Status);
        Assert.Equal(entry.Grant.StatementId, fix.StatementId);
        RemediatorStatement own = Assert.Single(after.Statements);
        Assert.Equal((prod, null, fix.StatementId, entry.Grant.SourceArn, null), (own.FunctionArn, own.Qualifier, own.StatementId, own.SourceArn, own.Refusal));
        Assert.False(after.HasBlockingEntries);
    }

    [Fact]
    public async Task AuditAsync_StageScopeAny_ReportsTheEveryStageGrant()
    {
        var world = new EngineWorld().WithPetsApi();

        AuditReport report = await Audit(world, new AuditRequest(Account, Region, StageScope: StageScope.Any));

        Assert.Equal($"arn:aws:execute-api:{Region}:{Account}:{RestApiId}/*/GET/pets/*", Assert.Single(report.Entries).Grant!.SourceArn);
    }

    [Fact]
    public async Task AuditAsync_EveryVerdict_OneEntryEach()
    {
        var world = new EngineWorld();
        string allowed = Function("allowed"), denied = Function("denied"), aliased = Function("aliased"), role = Function("role");
        world.Lambda.AddFunction(allowed).AddFunction(denied).AddFunction(aliased, "1").AddFunction(role);
        world.Lambda.AddStatement(allowed, null, LambdaStatementWriter.WriteStatement(
            "console", "apigateway.amazonaws.com", "lambda:InvokeFunction", allowed, $"arn:aws:execute-api:{Region}:{Account}:{RestApiId}/*", null));
        world.Lambda.AddStatement(denied, null, "{\"Sid\":\"no\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"lambda:*\",\"Resource\":\"" + denied + "\"}");
        world.Rest.AddApi(RestApiId).AddStage(RestApiId, Stage)
            .AddMethod(RestApiId, "/allowed", "GET", Proxy(allowed))
            .AddMethod(RestApiId, "/alias", "GET", Proxy(aliased + ":live"))
            .AddMethod(RestApiId, "/cross", "GET", Proxy(Function("x", account: OtherAccount)))
            .AddMethod(RestApiId, "/denied", "GET", Proxy(denied))
            .AddMethod(RestApiId, "/gone", "GET", Proxy(Function("gone")))
            .AddMethod(RestApiId, "/http", "GET", new("HTTP_PROXY", "https://example.com/{proxy}", null, "GET"))
            .AddMethod(RestApiId, "/role", "GET", Proxy(role, "arn:aws:iam::123456789012:role/apigw"))
            .AddMethod(RestApiId, "/unset", "GET", Proxy(Function("${stageVariables.nope}")));

        AuditReport report = await Audit(world);

        Assert.Equal(
            [
                ("GET /alias", AuditStatus.AliasNotFound),
                ("GET /allowed", AuditStatus.Allowed),
                ("GET /cross", AuditStatus.CrossAccount),
                ("GET /denied", AuditStatus.ExplicitDeny),
                ("GET /gone", AuditStatus.FunctionNotFound),
                ("GET /role", AuditStatus.RoleBased),
                ("GET /unset", AuditStatus.Unresolved),
            ],
            report.Entries.Select(e => (e.Target, e.Status)));
        Assert.All(report.Entries, e => Assert.Null(e.Grant));
        Assert.Contains("nope", report.Entries[^1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditAsync_HttpAndWebSocketRoutesAndAuthorizers_AreEachJudged()
    {
        var world = new EngineWorld();
        string items = Function("items"), auth = Function("auth"), connect = Function("connect");
        world.Lambda.AddFunction(items).AddFunction(auth).AddFunction(connect);
        world.V2.AddApi(HttpApiId).AddStage(HttpApiId, "$default")
            .AddRoute(HttpApiId, "GET /items/{id}", items, authorizerId: "au1")
            .AddRoute(HttpApiId, "POST /items", items, authorizerId: "au1")
            .AddAuthorizer(HttpApiId, "au1", InvokeUri(auth));
        world.V2.AddApi(WsApiId, "WEBSOCKET", "chat").AddStage(WsApiId, "live").AddRoute(WsApiId, "$connect", InvokeUri(connect));

        AuditReport report = await Audit(world);

        Assert.Equal(
            [
                (ApiType.Http, "route GET /items/{id}", TargetKind.Integration, $"arn:aws:execute-api:{Region}:{Account}:{HttpApiId}/$default/GET/items/*"),
                (ApiType.Http, "authorizer au1", TargetKind.Authorizer, $"arn:aws:execute-api:{Region}:{Account}:{HttpApiId}/authorizers/au1"),
                (ApiType.Http, "route POST /items", TargetKind.Integration, $"arn:aws:execute-api:{Region}:{Account}:{HttpApiId}/$default/POST/items"),
                (ApiType.WebSocket, "route $connect", TargetKind.Integration, $"arn:aws:execute-api:{Region}:{Account}:{WsApiId}/live/$connect"),
            ],
            report.Entries.Select(e => (e.ApiType, e.Target, e.Kind, e.Grant!.SourceArn)));
        Assert.All(report.Entries, e => Assert.Equal(AuditStatus.Missing, e.Status));
        Assert.Equal(3, world.Lambda.Count("GetPolicy"));
    }

    [Fact]
    public async Task AuditAsync_OneApiAndStage_ReadsOnlyThose()
    {
        var world = new EngineWorld().WithPetsApi();
        world.Rest.AddStage(RestApiId, "dev");
        world.V2.AddApi(HttpApiId).AddStage(HttpApiId, "$default").AddRoute(HttpApiId, "$default", Pets);

        AuditReport report = await Audit(world, new AuditRequest(Account, Region, RestApiId, "dev"));

        Assert.Equal(("dev", 1, 1), (Assert.Single(report.Entries).Stage, report.Apis, report.Stages));
        Assert.Empty(world.V2.Calls);
        Assert.Equal(0, world.Rest.Count("GetRestApis"));
    }

    [Theory]
    [InlineData("zzzzzzzzzz", null, "no REST, HTTP or WebSocket API zzzzzzzzzz")]
    [InlineData(RestApiId, "qa", "no audited API has a stage \"qa\"")]
    [InlineData(null, "qa", "no audited API has a stage \"qa\"")]
    public async Task AuditAsync_UnknownApiOrStage_IsAProblemNotAnEmptyReport(string? apiId, string? stage, string expected)
    {
        var world = new EngineWorld().WithPetsApi();

        Result<AuditReport, string> result = await new Auditor(world.Rest, world.V2, world.Lambda).AuditAsync(new AuditRequest(Account, Region, apiId, stage), CancellationToken.None);

        Assert.Null(result.Value);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditAsync_ManyMethodsOnOneFunction_ReadItsPolicyOnce()
    {
        var world = new EngineWorld();
        world.Lambda.AddFunction(Pets);
        world.Rest.AddApi(RestApiId).AddStage(RestApiId, Stage).AddStage(RestApiId, "dev");
        for (int i = 0; i < 150; i++)
        {
            world.Rest.AddMethod(RestApiId, $"/r{i}", "GET", Proxy(Pets));
        }

        AuditReport report = await Audit(world);

        Assert.Equal(300, report.Entries.Count);
        Assert.Equal(1, world.Lambda.Count("GetPolicy"));
        Assert.Equal(2, world.Rest.Count("GetExport"));
    }

    [Fact]
    public async Task AuditAsync_RemediatorLookingStatementOfAnotherShape_IsListedWithWhyRevertRefusesIt()
    {
        var world = new EngineWorld().WithPetsApi();
        var pets = LambdaFunctionArn.Parse(Pets).Value!;
        string sid = StatementIdFactory.Create(pets, "events.amazonaws.com", "lambda:InvokeFunction", "arn:aws:events:us-east-1:123456789012:rule/x", Account);
        world.Lambda.AddStatement(Pets, null, LambdaStatementWriter.WriteStatement(sid, "events.amazonaws.com", "lambda:InvokeFunction", Pets, "arn:aws:events:us-east-1:123456789012:rule/x", Account));

        AuditReport report = await Audit(world);

        RemediatorStatement listed = Assert.Single(report.Statements);
        Assert.Equal(sid, listed.StatementId);
        Assert.Contains("events.amazonaws.com", listed.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditAsync_NoLambdaTargetsOrStages_AreNotes()
    {
        var world = new EngineWorld();
        world.Rest.AddApi(RestApiId).AddStage(RestApiId, Stage).AddMethod(RestApiId, "/h", "GET", new("HTTP", "https://example.com", null, "GET"));
        world.V2.AddApi(HttpApiId);

        AuditReport report = await Audit(world);

        Assert.Empty(report.Entries);
        Assert.Equal(
            [$"{RestApiId}/prod (pets): no Lambda integration or authorizer.", $"{HttpApiId} (items): no stages, nothing is deployed."],
            report.Notes);
    }

    private static async Task<AuditReport> Audit(EngineWorld world, AuditRequest? request = null)
    {
        Result<AuditReport, string> result = await new Auditor(world.Rest, world.V2, world.Lambda).AuditAsync(request ?? new AuditRequest(Account, Region), CancellationToken.None);
        Assert.Null(result.Error);
        return result.Value!;
    }
}
