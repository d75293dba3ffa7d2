using System.Text;
using Remediator.Core.Audit;
using Remediator.Core.Policy;
using Remediator.Core.Ports;
using Remediator.Core.Tests.Engine;
using static Remediator.Core.Tests.Engine.EngineWorld;

namespace Remediator.Core.Tests.Audit;

/// <summary>The audit's hygiene: stale Remediator statements proven from the control plane, and policies near Lambda's 20 KB limit.</summary>
public class HygieneTests
{
    private const string GoneApi = "g0n3ap1xyz";

    [Theory]
    [InlineData("prod/GET/pets/*", "prod/GET/pets/*", true)]
    [InlineData("*/GET/pets/*", "prod/GET/pets/*", true)]
    [InlineData("prod/GET/pets/123", "prod/GET/pets/*", true)]
    [InlineData("prod/*/pets", "*/GET/pets", true)]
    [InlineData("prod/GET/pets/*", "prod/POST/pets/*", false)]
    [InlineData("prod/GET/pets", "prod/GET/pets/*/toys", false)]
    [InlineData("qa/GET/pets/*", "prod/GET/pets/*", false)]
    [InlineData("prod/GET/p?ts", "prod/GET/pets", true)]
    [InlineData("*", "authorizers/abc", true)]
    [InlineData("*/$default", "prod/$connect", false)]
    [InlineData("*/POST/items", "*/GET/items/*", true)]
    [InlineData("*/POST/items", "§/GET/items/§", false)]
    [InlineData("*/DELETE/pets/*", "prod/GET/pets/§", false)]
    [InlineData("*/GET/pets/*", "prod/GET/pets/§", true)]
    [InlineData("prod/*/pets/*/toys", "prod/§/pets/§/toys", true)]
    [InlineData("prod/GET/pets/a/b", "prod/GET/pets/§", false)]
    [InlineData("prod/GET/pets/a/b", "prod/GET/pets/*", true)]
    [InlineData("prod/GET/pets?a", "prod/GET/pets§", true)]
    [InlineData("prod/GET/pets?a", "prod/GET/pets/a", true)]
    public void Overlaps_DecidesWhetherTwoGlobsShareAString(string left, string right, bool expected)
    {
        left = left.Replace('§', GlobOverlap.SegmentStar);
        right = right.Replace('§', GlobOverlap.SegmentStar);
        Assert.Equal(expected, GlobOverlap.Overlaps(left, right));
        Assert.Equal(expected, GlobOverlap.Overlaps(right, left));
    }

    [Fact]
    public async Task Audit_StatementForADeletedApiOnAFunctionTheLedgerNames_IsStale()
    {
        var world = new EngineWorld().WithPetsApi();
        string sid = AddGrant(world, Pets, $"arn:aws:execute-api:{Region}:{Account}:{GoneApi}/*/GET/pets/*");

        AuditReport report = await AuditAsync(world);

        RemediatorStatement statement = Assert.Single(report.Statements);
        Assert.Equal((sid, StalenessStatus.Stale), (statement.StatementId, statement.Staleness!.Status));
        Assert.Contains($"API {GoneApi} no longer exists (GetRestApi and GetApi both answer 404 NotFound)", statement.Staleness.Detail, StringComparison.Ordinal);
        Assert.Equal([sid], report.StaleStatements.Select(s => s.StatementId));
    }

    [Fact]
    public async Task Audit_StatementOnAFunctionNoTargetInvokes_IsReadOnlyWhenNamed()
    {
        var world = new EngineWorld().WithPetsApi();
        string orphan = Function("orphan");
        world.Lambda.AddFunction(orphan);
        AddGrant(world, orphan, $"arn:aws:execute-api:{Region}:{Account}:{GoneApi}/*/GET/pets/*");

        AuditReport unnamed = await AuditAsync(world);
        AuditReport named = await AuditAsync(world, [LambdaFunctionArn.Parse(orphan).Value!, LambdaFunctionArn.Parse(Function("deleted")).Value!]);

        Assert.Empty(unnamed.Statements);
        Assert.True(Assert.Single(named.Statements).Staleness!.IsStale);
        Assert.Contains($"{Function("deleted")}, which a ledger fix names, no longer exists.", named.Notes);
    }

    [Fact]
    public async Task Audit_StageGone_IsStaleAndTheStageInUse_IsNot()
    {
        var world = new EngineWorld().WithPetsApi();
        string gone = AddGrant(world, Pets, $"arn:aws:execute-api:{Region}:{Account}:{RestApiId}/qa/GET/pets/*");
        string used = AddGrant(world, Pets, $"arn:aws:execute-api:{Region}:{Account}:{RestApiId}/prod/GET/pets/*");

        AuditReport report = await AuditAsync(world);

        Assert.Equal(StalenessStatus.Stale, StatusOf(report, gone));
        Assert.Contains("stage qa of API", report.Statements.Single(s => s.StatementId == gone).Staleness!.Detail, StringComparison.Ordinal);
        Assert.Equal(StalenessStatus.InUse, StatusOf(report, used));
    }

    [Fact]
    public async Task Audit_MethodNoStageServes_IsStale()
    {
        var world = new EngineWorld().WithPetsApi();
        string gone = AddGrant(world, Pets, $"arn:aws:execute-api:{Region}:{Account}:{RestApiId}/*/DELETE/pets/*");

        AuditReport report = await AuditAsync(world);

        Assert.Equal(StalenessStatus.Stale, StatusOf(report, gone));
    }

    [Fact]
    public async Task Audit_ApiWhoseReadIsDenied_IsNeverStale()
    {
        var world = new EngineWorld().WithPetsApi();
        string sid = AddGrant(world, Pets, $"arn:aws:execute-api:{Region}:{Account}:{GoneApi}/*/GET/pets/*");
        world.Rest.DeniedApis.Add(GoneApi);

        AuditReport report = await AuditAsync(world);

        RemediatorStatement statement = report.Statements.Single(s => s.StatementId == sid);
        Assert.Equal(StalenessStatus.Unproven, statement.Staleness!.Status);
        Assert.Contains("AccessDeniedException (HTTP 403)", statement.Staleness.Detail, StringComparison.Ordinal);
        Assert.Empty(report.StaleStatements);
    }

    [Fact]
    public async Task Audit_V2ApiOnlyDenied_IsNeverStale()
    {
        var world = new EngineWorld().WithPetsApi();
        string sid = AddGrant(world, Pets, $"arn:aws:execute-api:{Region}:{Account}:{GoneApi}/*/GET/items");
        world.V2.DeniedApis.Add(GoneApi);

        AuditReport report = await AuditAsync(world);

        Assert.Equal(StalenessStatus.Unproven, StatusOf(report, sid));
    }

    [Fact]
    public async Task Audit_ExportNotReadWhole_IsNeverStale()
    {
        var world = new EngineWorld().WithPetsApi();
        string sid = AddGrant(world, Pets, $"arn:aws:execute-api:{Region}:{Account}:{RestApiId}/*/DELETE/pets/*");
        world.Rest.FailExport(RestApiId, "the stage export was not read whole");

        AuditReport report = await AuditAsync(world, [LambdaFunctionArn.Parse(Pets).Value!]);

        Assert.Equal(StalenessStatus.Unproven, StatusOf(report, sid));
    }

    [Fact]
    public async Task Audit_HttpRoutes_DeletedRouteAndAuthorizerAreStaleExistingOnesInUse()
    {
        var world = new EngineWorld();
        string items = Function("items");
        world.Lambda.AddFunction(items);
        world.V2.AddApi(HttpApiId).AddStage(HttpApiId, "$default").AddRoute(HttpApiId, "GET /items/{id}", items, authorizerId: "au1")
            .AddAuthorizer(HttpApiId, "au1", InvokeUri(items));
        string route = AddGrant(world, items, $"arn:aws:execute-api:{Region}:{Account}:{HttpApiId}/*/GET/items/*");
        string goneRoute = AddGrant(world, items, $"arn:aws:execute-api:{Region}:{Account}:{HttpApiId}/*/POST/items");
        string authorizer = AddGrant(world, items, $"arn:aws:execute-api:{Region}:{Account}:{HttpApiId}/authorizers/au1");
        string goneAuthorizer = AddGrant(world, items, $"arn:aws:execute-api:{Region}:{Account}:{HttpApiId}/authorizers/au2");

        AuditReport report = await AuditAsync(world);

        Assert.Equal(
            [StalenessStatus.InUse, StalenessStatus.Stale, StalenessStatus.InUse, StalenessStatus.Stale],
            new[] { route, goneRoute, authorizer, goneAuthorizer }.Select(sid => StatusOf(report, sid)));
    }

    [Fact]
    public async Task Audit_StatementNotRemediatorsShape_IsNotJudged()
    {
        var world = new EngineWorld().WithPetsApi();
        var function = LambdaFunctionArn.Parse(Pets).Value!;
        string arn = $"arn:aws:execute-api:{Region}:{Account}:{GoneApi}/*/GET/pets/*";
        string sid = StatementIdFactory.Create(function, "events.amazonaws.com", "lambda:InvokeFunction", arn, Account);
        world.Lambda.AddStatement(Pets, null, LambdaStatementWriter.WriteStatement(sid, "events.amazonaws.com", "lambda:InvokeFunction", Pets, arn, Account));

        AuditReport report = await AuditAsync(world);

        Assert.Null(Assert.Single(report.Statements).Staleness);
        Assert.Equal(0, world.Rest.Count("GetRestApi"));
    }

    [Fact]
    public async Task Audit_PolicyBelowEightyPercent_HasNoFinding()
    {
        var world = new EngineWorld().WithPetsApi();
        AddGrant(world, Pets, $"arn:aws:execute-api:{Region}:{Account}:{RestApiId}/prod/GET/pets/*");

        Assert.Empty((await AuditAsync(world)).PolicyFindings);
    }

    [Fact]
    public async Task Audit_PolicyNearTheLimit_ProposesAMergeOfExactlyTheSourceArnsInUse()
    {
        var world = new EngineWorld();
        world.Lambda.AddFunction(Pets);
        world.Rest.AddApi(RestApiId).AddStage(RestApiId, Stage);
        var used = new List<string>();
        for (int i = 0; i < 45; i++)
        {
            world.Rest.AddMethod(RestApiId, $"/pets{i}/{{id}}", "GET", Proxy(Pets));
            used.Add(AddGrant(world, Pets, $"arn:aws:execute-api:{Region}:{Account}:{RestApiId}/*/GET/pets{i}/*"));
        }

        string stale = AddGrant(world, Pets, $"arn:aws:execute-api:{Region}:{Account}:{GoneApi}/*/GET/pets/*");
        string foreign = "console-post";
        string foreignJson = LambdaStatementWriter.WriteStatement(foreign, "apigateway.amazonaws.com", "lambda:InvokeFunction", Pets, $"arn:aws:execute-api:{Region}:{Account}:{RestApiId}/*/POST/unused", Account);
        world.Lambda.AddStatement(Pets, null, foreignJson);
        string events = LambdaStatementWriter.WriteStatement("events-rule", "events.amazonaws.com", "lambda:InvokeFunction", Pets, $"arn:aws:events:{Region}:{Account}:rule/nightly", null);
        world.Lambda.AddStatement(Pets, null, events);
        FunctionPolicy before = (await world.Lambda.GetPolicyAsync(Pets, null, CancellationToken.None))!;
        Assert.InRange(Encoding.UTF8.GetByteCount(before.PolicyJson), PolicyLimits.ReportAboveBytes + 1, PolicyLimits.PolicySizeLimitBytes);

        AuditReport report = await AuditAsync(world);

        PolicyFinding finding = Assert.Single(report.PolicyFindings);
        Assert.Equal((Pets, null, Encoding.UTF8.GetByteCount(before.PolicyJson), 48), (finding.FunctionArn, finding.Qualifier, finding.SizeBytes, finding.Statements));
        PolicyConsolidation proposal = finding.Proposal!;
        Assert.Equal(used, proposal.MergedStatementIds);
        Assert.Equal([stale], proposal.DroppedStaleStatementIds);
        Assert.Equal(before.RevisionId, proposal.RevisionId);
        Assert.True(proposal.SizeBytes < PolicyLimits.ReportAboveBytes / 2, $"{proposal.SizeBytes} bytes");
        Assert.StartsWith($"aws lambda put-resource-policy --resource-arn {Pets} --policy '", proposal.Command, StringComparison.Ordinal);
        Assert.EndsWith($"--revision-id {before.RevisionId} --region {Region}", proposal.Command, StringComparison.Ordinal);

        // The statements it does not merge stay byte for byte; the merged one lists exactly the ARNs in use, no wildcard added.
        Assert.Contains(foreignJson, proposal.PolicyJson, StringComparison.Ordinal);
        Assert.Contains(events, proposal.PolicyJson, StringComparison.Ordinal);
        PolicyDocument proposed = PolicyParser.Parse(proposal.PolicyJson).Value!;
        Assert.Equal(3, proposed.Statements.Count);
        ConditionClause arns = proposed.Statements[0].Conditions.Single(c => c.Operator == "ArnLike");
        Assert.Equal(Enumerable.Range(0, 45).Select(i => $"arn:aws:execute-api:{Region}:{Account}:{RestApiId}/*/GET/pets{i}/*").Order(StringComparer.Ordinal), arns.Values);
        Assert.Equal(Account, proposed.Statements[0].Conditions.Single(c => c.Operator == "StringEquals").Values.Single());

        // Every audited target is allowed as before; the stale API's ARN no longer is.
        foreach (AuditEntry entry in report.Entries)
        {
            Assert.True(PolicyEvaluator.Evaluate(proposed, AuthorizationRequest.ApiGatewayInvoke(Pets, entry.SourceArn!, Account)).IsAllowed, entry.Target);
        }

        Assert.False(PolicyEvaluator.Evaluate(proposed, AuthorizationRequest.ApiGatewayInvoke(Pets, $"arn:aws:execute-api:{Region}:{Account}:{GoneApi}/prod/GET/pets/1", Account)).IsAllowed);
        Assert.True(PolicyEvaluator.Evaluate(proposed, AuthorizationRequest.ApiGatewayInvoke(Pets, $"arn:aws:execute-api:{Region}:{Account}:{RestApiId}/prod/POST/unused", Account)).IsAllowed);
        Assert.False(PolicyEvaluator.Evaluate(proposed, AuthorizationRequest.ApiGatewayInvoke(Pets, $"arn:aws:execute-api:{Region}:{Account}:{RestApiId}/prod/GET/cats/1", Account)).IsAllowed);
        Assert.Equal(0, world.Lambda.Count("AddPermission") + world.Lambda.Count("RemovePermission"));
    }

    [Fact]
    public async Task Audit_PolicyNearTheLimitWithNothingVerifiablyInUse_HasAFindingWithoutProposal()
    {
        var world = new EngineWorld().WithPetsApi();
        for (int i = 0; i < 55; i++)
        {
            world.Lambda.AddStatement(Pets, null, LambdaStatementWriter.WriteStatement(
                $"by-hand-{i}", "apigateway.amazonaws.com", "lambda:InvokeFunction", Pets, $"arn:aws:execute-api:{Region}:{Account}:{RestApiId}/*/PUT/other{i}", Account));
        }

        PolicyFinding finding = Assert.Single((await AuditAsync(world)).PolicyFindings);

        Assert.Null(finding.Proposal);
        Assert.Contains("nothing merges without widening or guessing", finding.Detail, StringComparison.Ordinal);
    }

    private static StalenessStatus? StatusOf(AuditReport report, string sid) =>
        report.Statements.Single(s => s.StatementId == sid).Staleness?.Status;

    private static string AddGrant(EngineWorld world, string functionArn, string sourceArn)
    {
        PermissionGrant grant = PermissionGrant.Create(LambdaFunctionArn.Parse(functionArn).Value!, sourceArn, Account).Value!;
        world.Lambda.AddStatement(functionArn, null, grant.ToStatementJson());
        return grant.StatementId;
    }

    private static async Task<AuditReport> AuditAsync(EngineWorld world, IReadOnlyList<LambdaFunctionArn>? alsoInspect = null)
    {
        Result<AuditReport, string> result = await new Auditor(world.Rest, world.V2, world.Lambda)
            .AuditAsync(new AuditRequest(Account, Region) { AlsoInspect = alsoInspect ?? [] }, CancellationToken.None);
        Assert.Null(result.Error);
        return result.Value!;
    }
}
