using System.Text;
using System.Text.Json;
using Remediator.Aws.Endpoints;
using Remediator.Aws.Http;
using Remediator.Cli.Commands;
using Remediator.Cli.Tests.TestSupport;
using Remediator.Core.Audit;
using Remediator.Core.Policy;
using Remediator.Sandbox.Faults;

namespace Remediator.Cli.Tests.Commands;

/// <summary>
/// The audit's hygiene and <c>revert --stale</c> in-process against the sandbox over real HTTP: a statement whose API was
/// deleted is reported stale and removed, one whose API only refuses or throttles reads is never, and a policy near
/// Lambda's 20 KB limit is reported with a consolidation that changes nothing by itself.
/// </summary>
public sealed class HygieneCommandTests : IAsyncLifetime
{
    private OperatorWorld world = null!;

    public async Task InitializeAsync() => world = await OperatorWorld.StartAsync();

    public async Task DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public async Task StatementOfADeletedApi_IsListedStaleThenRemovedByRevertStaleAndTheOneInUseKept()
    {
        string inUse = await world.FixWithReplayAsync();
        string deletedApi = await world.Demo.CreateApiAsync(CancellationToken.None);
        string stale = await AddGrantAsync($"arn:aws:execute-api:{world.Region}:{world.AccountId}:{deletedApi}/prod/GET/pets/*");
        await DeleteRestApiAsync(deletedApi);

        CliRun audit = Audit();
        CliRun json = Audit("--output", "json");

        Assert.True(audit.ExitCode == ExitCodes.Success, audit.Output + audit.Error);
        int line = Array.FindIndex(audit.OutputLines, l => l.Contains(stale, StringComparison.Ordinal));
        Assert.Equal(
            $"    stale, remediator revert --stale removes it: API {deletedApi} no longer exists (GetRestApi and GetApi both answer 404 NotFound)",
            audit.OutputLines[line + 1]);
        Assert.DoesNotContain(audit.OutputLines, l => l.Contains("stale", StringComparison.Ordinal) && l.Contains(inUse, StringComparison.Ordinal));
        using (JsonDocument report = JsonDocument.Parse(Assert.Single(json.OutputLines)))
        {
            JsonElement[] statements = [.. report.RootElement.GetProperty("remediatorStatements").EnumerateArray()];
            Assert.Equal(
                [(inUse, "InUse", false), (stale, "Stale", true)],
                statements.Select(s => (s.GetProperty("statementId").GetString()!, s.GetProperty("staleness").GetString()!, s.GetProperty("stale").GetBoolean())).OrderBy(s => s.Item2, StringComparer.Ordinal));
        }

        IReadOnlyDictionary<string, int> before = world.AllRequests();
        CliRun dryRun = Revert("--stale", "--dry-run");
        Assert.True(dryRun.ExitCode == ExitCodes.Success, dryRun.Output + dryRun.Error);
        Assert.Equal($"WouldRevert  {world.FunctionArn}  {stale}", dryRun.OutputLines[0]);
        Assert.Equal("1 statement(s): 1 WouldRevert; 1 statement(s) still in use kept. Dry run: nothing was written.", dryRun.OutputLines[^1]);
        Assert.Equal([inUse, stale], await world.StatementIdsAsync());
        Assert.DoesNotContain(Changed(before), op => op is "lambda:RemovePermission" or "lambda:AddPermission");

        CliRun revert = Revert("--stale", "--output", "json");

        Assert.True(revert.ExitCode == ExitCodes.Success, revert.Output + revert.Error);
        using JsonDocument removed = JsonDocument.Parse(Assert.Single(revert.OutputLines));
        Assert.Equal(("Reverted", stale), (removed.RootElement.GetProperty("status").GetString(), removed.RootElement.GetProperty("statementId").GetString()));
        Assert.Contains($"API {deletedApi} no longer exists", removed.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal([inUse], await world.StatementIdsAsync());
        Assert.Equal(1, world.Requests("lambda", "RemovePermission"));
    }

    [Theory]
    [InlineData(FaultKind.AccessDenied, "AccessDeniedException (HTTP 403)")]
    [InlineData(FaultKind.Throttle, "TooManyRequestsException (HTTP 429)")]
    public async Task ApiWhoseReadOnlyIsRefusedOrThrottled_IsNeverStaleNorRemoved(FaultKind fault, string answer)
    {
        string deletedApi = await world.Demo.CreateApiAsync(CancellationToken.None);
        string statement = await AddGrantAsync($"arn:aws:execute-api:{world.Region}:{world.AccountId}:{deletedApi}/prod/GET/pets/*");
        await DeleteRestApiAsync(deletedApi);

        world.Demo.Sandbox.Faults.Add(new FaultRule("apigateway", "GetRestApi", fault, Count: 100));
        CliRun audit = Audit("--output", "json");
        CliRun revert = Revert("--stale", "--function", "pets-prod");
        world.Demo.Sandbox.Faults.Clear();

        using (JsonDocument report = JsonDocument.Parse(Assert.Single(audit.OutputLines)))
        {
            JsonElement judged = Assert.Single(report.RootElement.GetProperty("remediatorStatements").EnumerateArray());
            Assert.Equal(("Unproven", false), (judged.GetProperty("staleness").GetString(), judged.GetProperty("stale").GetBoolean()));
            Assert.Contains(answer, judged.GetProperty("stalenessDetail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(ExitCodes.ActionNeeded, revert.ExitCode);
        Assert.StartsWith($"Refused      {world.FunctionArn}  {statement}", revert.OutputLines[0], StringComparison.Ordinal);
        Assert.Contains("not proven stale", revert.OutputLines[1], StringComparison.Ordinal);
        Assert.Equal([statement], await world.StatementIdsAsync());
        Assert.Equal(0, world.Requests("lambda", "RemovePermission"));

        // Once API Gateway answers, the same statement is proven stale.
        CliRun answered = Revert("--stale", "--function", "pets-prod");
        Assert.True(answered.ExitCode == ExitCodes.Success, answered.Output + answered.Error);
        Assert.Empty(await world.StatementIdsAsync());
    }

    [Fact]
    public async Task PolicyNearTheLimit_IsReportedWithAConsolidationAndNothingIsWritten()
    {
        string inUse = await world.FixWithReplayAsync();
        string sourceArn = $"arn:aws:execute-api:{world.Region}:{world.AccountId}:{world.ApiId}/*/GET/pets/*";
        for (int i = 0; i < 50; i++)
        {
            // What clicking "add trigger" in a console for the same method leaves behind.
            await world.AddStatementAsync($"apigateway-console-{i:D2}", "apigateway.amazonaws.com", sourceArn);
        }

        string deletedApi = await world.Demo.CreateApiAsync(CancellationToken.None);
        string stale = await AddGrantAsync($"arn:aws:execute-api:{world.Region}:{world.AccountId}:{deletedApi}/prod/GET/pets/*");
        await DeleteRestApiAsync(deletedApi);
        IReadOnlyDictionary<string, int> before = world.AllRequests();

        CliRun text = Audit();
        CliRun json = Audit("--output", "json");

        Assert.True(text.ExitCode == ExitCodes.Success, text.Output + text.Error);
        Assert.DoesNotContain(Changed(before), op => !op.Contains(":Get", StringComparison.Ordinal));
        int heading = Array.IndexOf(text.OutputLines, $"Policies above 80% of Lambda's {PolicyLimits.PolicySizeLimitBytes}-byte limit (advice; nothing is changed):");
        Assert.True(heading > 0, text.Output);
        Assert.StartsWith($"  {world.FunctionArn}  ", text.OutputLines[heading + 1], StringComparison.Ordinal);
        Assert.EndsWith(", 52 statement(s)", text.OutputLines[heading + 1], StringComparison.Ordinal);
        Assert.StartsWith("    51 statement(s) granting API Gateway this function from source ARNs in use merge into 1", text.OutputLines[heading + 2], StringComparison.Ordinal);
        Assert.Contains("1 stale Remediator statement(s) are left out", text.OutputLines[heading + 2], StringComparison.Ordinal);
        Assert.StartsWith("    apply (replaces the whole policy, only at revision ", text.OutputLines[heading + 5], StringComparison.Ordinal);
        Assert.Contains("aws lambda put-resource-policy --resource-arn " + world.FunctionArn, text.OutputLines[heading + 5], StringComparison.Ordinal);

        using JsonDocument report = JsonDocument.Parse(Assert.Single(json.OutputLines));
        JsonElement finding = Assert.Single(report.RootElement.GetProperty("policyFindings").EnumerateArray());
        Assert.InRange(finding.GetProperty("sizeBytes").GetInt32(), PolicyLimits.ReportAboveBytes + 1, PolicyLimits.PolicySizeLimitBytes);
        Assert.Equal([stale], finding.GetProperty("droppedStaleStatementIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains(inUse, finding.GetProperty("mergedStatementIds").EnumerateArray().Select(e => e.GetString()));
        PolicyDocument proposed = PolicyParser.Parse(finding.GetProperty("proposedPolicy").GetString()!).Value!;
        PolicyStatement merged = Assert.Single(proposed.Statements);
        Assert.Equal(
            new[] { sourceArn, $"arn:aws:execute-api:{world.Region}:{world.AccountId}:{world.ApiId}/prod/GET/pets/*" }.Order(StringComparer.Ordinal),
            merged.Conditions.Single(c => c.Operator == "ArnLike").Values);
        Assert.True(finding.GetProperty("proposedSizeBytes").GetInt32() < 1024);

        // Advice only: the policy is as it was, and the call still works through it.
        Assert.Equal(52, (await world.StatementIdsAsync()).Length);
        Assert.Equal(200, (await world.Demo.CallApiAsync(world.ApiId, CancellationToken.None)).Status);
    }

    private CliRun Audit(params string[] args) => world.Run(AuditCommand.Create, ["audit", .. args]);

    private CliRun Revert(params string[] args) => world.Run(RevertCommand.Create, ["revert", .. args]);

    private string[] Changed(IReadOnlyDictionary<string, int> before) =>
        [.. world.AllRequests().Where(p => p.Value != before.GetValueOrDefault(p.Key)).Select(p => p.Key)];

    /// <summary>Adds exactly the statement Remediator adds for <paramref name="sourceArn"/> on the demo's function; returns its id.</summary>
    private async Task<string> AddGrantAsync(string sourceArn)
    {
        PermissionGrant grant = PermissionGrant.Create(LambdaFunctionArn.Parse(world.FunctionArn).Value!, sourceArn, world.AccountId).Value!;
        await world.Clients.Lambda.AddPermissionAsync(
            new(grant.FunctionArn, grant.StatementId, grant.Action, grant.Principal, grant.SourceArn, grant.SourceAccount, null, null), CancellationToken.None);
        return grant.StatementId;
    }

    private async Task DeleteRestApiAsync(string apiId)
    {
        AwsResponse response = await world.Clients.Http.SendAsync(
            new AwsRequest(AwsService.ApiGateway, "DeleteRestApi", HttpMethod.Delete, $"/restapis/{apiId}", Body: Encoding.UTF8.GetBytes(string.Empty)), CancellationToken.None);
        Assert.Equal(202, response.StatusCode);
        Assert.Null(await world.Clients.ApiGateway.GetRestApiAsync(apiId, CancellationToken.None));
    }
}
