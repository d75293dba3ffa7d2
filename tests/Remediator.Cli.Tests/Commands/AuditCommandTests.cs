using System.Text.Json;
using Remediator.Cli.Commands;
using Remediator.Cli.Tests.TestSupport;

namespace Remediator.Cli.Tests.Commands;

/// <summary><c>remediator audit</c> in-process against the demo's outage in a sandbox.</summary>
public sealed class AuditCommandTests : IAsyncLifetime
{
    private OperatorWorld world = null!;

    public async Task InitializeAsync() => world = await OperatorWorld.StartAsync();

    public async Task DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public async Task Audit_StageVariablePermissionMissing_ExitsActionNeededWithTheFixThenSuccessOnceFixed()
    {
        string grantArn = $"arn:aws:execute-api:{world.Region}:{world.AccountId}:{world.ApiId}/prod/GET/pets/*";

        CliRun before = Audit();

        Assert.True(before.ExitCode == ExitCodes.ActionNeeded, before.Output + before.Error);
        Assert.StartsWith($"Missing          {world.ApiId}/prod  REST  GET /pets/{{id}}  {world.FunctionArn}", before.OutputLines[0], StringComparison.Ordinal);
        string fix = Assert.Single(before.OutputLines, line => line.StartsWith("  fix: aws lambda add-permission", StringComparison.Ordinal));
        Assert.Contains($"--source-arn '{grantArn}'", fix, StringComparison.Ordinal);
        Assert.Equal("1 Lambda target(s) in 1 API(s), 1 stage(s): 1 Missing.", before.OutputLines[^1]);
        Assert.Equal(0, world.Requests("lambda", "AddPermission"));

        string added = await world.FixWithReplayAsync();
        CliRun after = Audit();

        Assert.True(after.ExitCode == ExitCodes.Success, after.Output + after.Error);
        Assert.StartsWith("Allowed", after.OutputLines[0], StringComparison.Ordinal);
        Assert.StartsWith($"  fix: aws lambda add-permission --function-name {world.FunctionArn} --statement-id {added} ", fix, StringComparison.Ordinal);
        Assert.Contains(after.OutputLines, line => line == $"  {world.FunctionArn}  {added}  {grantArn}");
        Assert.Empty(after.Error);
    }

    [Fact]
    public async Task Audit_Json_ReportsTheGrantRemediatorThenAdds()
    {
        CliRun run = Audit("--output", "json");

        Assert.Equal(ExitCodes.ActionNeeded, run.ExitCode);
        using JsonDocument report = JsonDocument.Parse(Assert.Single(run.OutputLines));
        JsonElement target = Assert.Single(report.RootElement.GetProperty("targets").EnumerateArray());
        Assert.Equal(
            ["REST", "prod", "Integration", "GET /pets/{id}", world.FunctionArn, "Missing"],
            new[] { "apiType", "stage", "kind", "target", "functionArn", "status" }.Select(k => target.GetProperty(k).GetString()));
        Assert.True(report.RootElement.GetProperty("missing").GetBoolean());
        Assert.Equal($"arn:aws:execute-api:{world.Region}:{world.AccountId}:{world.ApiId}/prod/GET/pets/*", target.GetProperty("sourceArn").GetString());
        Assert.Equal(await world.FixWithReplayAsync(), target.GetProperty("grantStatementId").GetString());
    }

    [Fact]
    public async Task Audit_HandWrittenAllowForAnotherMethod_StillMissing()
    {
        await world.AddStatementAsync("console-post", "apigateway.amazonaws.com", $"arn:aws:execute-api:{world.Region}:{world.AccountId}:{world.ApiId}/*/POST/pets");

        CliRun run = Audit("--api", world.ApiId, "--stage", "prod");

        Assert.Equal(ExitCodes.ActionNeeded, run.ExitCode);
        Assert.Contains("has 1 statement(s), none of which allows", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Statements Remediator added", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_ResolveTicketsAfterTheRecommendationWasApplied_ResolvesItsOpsItemAndNoOther()
    {
        string grantArn = $"arn:aws:execute-api:{world.Region}:{world.AccountId}:{world.ApiId}/prod/GET/pets/*";
        CliRun recommended = world.Run(ReplayCommand.Create, "replay", "--input", await world.FailingPayloadFileAsync(), "--mode", "recommend", "--output", "json");
        string opsItemId = Assert.Single(world.Demo.OpsItems()).GetProperty("OpsItemId").GetString()!;
        Assert.Contains(opsItemId, recommended.Output, StringComparison.Ordinal);

        CliRun stillMissing = Audit("--resolve-tickets");
        await world.AddStatementAsync("by-hand", "apigateway.amazonaws.com", grantArn);
        CliRun readOnly = Audit();
        string? statusAfterReadOnly = Status(opsItemId);
        CliRun resolving = Audit("--resolve-tickets");

        Assert.Equal(ExitCodes.ActionNeeded, stillMissing.ExitCode);
        Assert.Contains("No open Remediator OpsItem is about a target found allowed.", stillMissing.Output, StringComparison.Ordinal);
        Assert.Equal((ExitCodes.Success, "Open"), (readOnly.ExitCode, statusAfterReadOnly));
        Assert.True(resolving.ExitCode == ExitCodes.Success, resolving.Output + resolving.Error);
        Assert.Contains($"  {opsItemId}  {world.ApiId}/prod  GET /pets/{{id}}  {world.FunctionArn}", resolving.OutputLines);
        Assert.Equal("Resolved", Status(opsItemId));
        string note = Assert.Single(world.Demo.OpsItems()).GetProperty("OperationalData").GetProperty("remediator:resolution").GetProperty("Value").GetString()!;
        Assert.StartsWith("Resolved by remediator audit at ", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_ResolveTicketsWithoutOpsCenterTickets_ExitsBadInputNamingTheVariable()
    {
        world.Environment["REMEDIATOR_TICKETS"] = "sns";

        CliRun run = Audit("--resolve-tickets");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("REMEDIATOR_TICKETS", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--api", "nosuchapi1")]
    [InlineData("--stage", "qa")]
    [InlineData("--output", "yaml")]
    [InlineData("--verbose")]
    public void Audit_BadInput_ExitsBadInputWithOneLine(params string[] args)
    {
        CliRun run = Audit(args);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith("remediator audit: ", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void Audit_InvalidSetting_ExitsBadInputNamingTheVariable()
    {
        world.Environment["REMEDIATOR_STAGE_SCOPE"] = "everywhere";

        CliRun run = Audit();

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("REMEDIATOR_STAGE_SCOPE", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_AwsUnreachable_ExitsAwsFailure()
    {
        world.Environment["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9";

        CliRun run = Audit();

        Assert.Equal(ExitCodes.AwsFailure, run.ExitCode);
        Assert.Single(run.ErrorLines);
    }

    private string? Status(string opsItemId) =>
        world.Demo.OpsItems().Single(item => item.GetProperty("OpsItemId").GetString() == opsItemId).GetProperty("Status").GetString();

    private CliRun Audit(params string[] args) => world.Run(AuditCommand.Create, ["audit", .. args]);
}
