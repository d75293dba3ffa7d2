using System.Text.Json;
using Remediator.Cli.Commands;
using Remediator.Cli.Operator;
using Remediator.Cli.Tests.TestSupport;
using Remediator.Core.Configuration;
using Remediator.Core.Engine;
using Remediator.Core.Ledger;
using Remediator.Core.Policy;
using Remediator.Core.Ports;

namespace Remediator.Cli.Tests.Commands;

/// <summary><c>remediator revert</c> in-process against the sandbox, after the engine fixed the demo's outage.</summary>
public sealed class RevertCommandTests : IAsyncLifetime
{
    private OperatorWorld world = null!;

    public async Task InitializeAsync() => world = await OperatorWorld.StartAsync();

    public async Task DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public async Task Revert_AfterEngineFix_RemovesExactlyRemediatorsStatement()
    {
        string added = await world.FixWithReplayAsync();
        string byHand = "remediator-pets-prod-by-hand";
        await world.AddStatementAsync(byHand, "apigateway.amazonaws.com", $"arn:aws:execute-api:{world.Region}:{world.AccountId}:{world.ApiId}/*/POST/pets");

        CliRun run = Revert("--function", "pets-prod");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Output + run.Error);
        Assert.Equal($"Reverted     {world.FunctionArn}  {added}", run.OutputLines[0]);
        Assert.Equal("1 statement(s): 1 Reverted; 1 statement(s) Remediator did not add left untouched.", run.OutputLines[^1]);
        Assert.Equal([byHand], await world.StatementIdsAsync());
        Assert.Equal(1, world.Requests("lambda", "RemovePermission"));
        Assert.Equal(500, (await world.Demo.CallApiAsync(world.ApiId, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Revert_DryRun_WritesNothing()
    {
        string added = await world.FixWithReplayAsync();
        IReadOnlyDictionary<string, int> before = world.AllRequests();

        CliRun run = Revert("--function", world.FunctionArn, "--dry-run");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Output + run.Error);
        Assert.Equal($"WouldRevert  {world.FunctionArn}  {added}", run.OutputLines[0]);
        Assert.EndsWith("Dry run: nothing was written.", run.OutputLines[^1], StringComparison.Ordinal);
        Assert.Equal([added], await world.StatementIdsAsync());
        IReadOnlyDictionary<string, int> after = world.AllRequests();
        string[] served = [.. after.Where(p => p.Value != before.GetValueOrDefault(p.Key)).Select(p => p.Key).Order(StringComparer.Ordinal)];
        Assert.Equal(["lambda:GetPolicy", "sts:GetCallerIdentity"], served);
    }

    [Fact]
    public async Task Revert_RemediatorLookingIdWithAnotherPrincipal_IsRefusedAndKept()
    {
        var function = LambdaFunctionArn.Parse(world.FunctionArn).Value!;
        string sourceArn = $"arn:aws:execute-api:{world.Region}:{world.AccountId}:{world.ApiId}/*/GET/pets/*";
        string sid = StatementIdFactory.Create(function, "events.amazonaws.com", "lambda:InvokeFunction", sourceArn, world.AccountId);
        await world.AddStatementAsync(sid, "events.amazonaws.com", sourceArn);

        CliRun run = Revert("--function", "pets-prod", "--output", "json");

        Assert.Equal(ExitCodes.ActionNeeded, run.ExitCode);
        using JsonDocument result = JsonDocument.Parse(Assert.Single(run.OutputLines));
        Assert.Equal(("Refused", sid), (result.RootElement.GetProperty("status").GetString(), result.RootElement.GetProperty("statementId").GetString()));
        Assert.Contains("names principal Service:events.amazonaws.com", result.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal([sid], await world.StatementIdsAsync());
        Assert.Equal(0, world.Requests("lambda", "RemovePermission"));
    }

    [Fact]
    public async Task Revert_FromLedger_RemovesTheRecordedFixAndMarksTheRecordReverted()
    {
        var ledger = new InMemoryLedger(TimeProvider.System);
        string added = await FixWithEngineAsync(ledger);

        CliRun run = OperatorWorld.RunWith(RevertCommand.Create, new OperatorOptions { Environment = world.Environment, Ledger = ledger }, "revert", "--from-ledger", "--output", "json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Output + run.Error);
        using JsonDocument result = JsonDocument.Parse(Assert.Single(run.OutputLines));
        Assert.Equal(("Reverted", added, true), (
            result.RootElement.GetProperty("status").GetString(),
            result.RootElement.GetProperty("statementId").GetString(),
            result.RootElement.GetProperty("ledgerUpdated").GetBoolean()));
        Assert.Empty(await world.StatementIdsAsync());
        await foreach (LedgerRecord record in ledger.ListAsync(CancellationToken.None))
        {
            Assert.Equal((RemediationState.Reverted, 0, null), (record.Outcome.State, record.Outcome.Attempts, record.Outcome.Fix));
        }
    }

    [Fact]
    public async Task Revert_StatementAlreadyGone_CountsAsReverted()
    {
        string added = await world.FixWithReplayAsync();
        await world.Clients.Lambda.RemovePermissionAsync(world.FunctionArn, added, null, null, CancellationToken.None);

        CliRun run = Revert("--function", "pets-prod", "--statement-id", added);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Output + run.Error);
        Assert.StartsWith("AlreadyGone", run.OutputLines[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--from-ledger")]
    [InlineData("--statement-id", "remediator-x-0123456789abcdef")]
    [InlineData("--function", "pets-prod", "--qualifier", "a b")]
    [InlineData("--function", "pets*")]
    [InlineData("--function", "pets-prod", "--dry-run", "yes")]
    public void Revert_BadInput_ExitsBadInputWithOneLine(params string[] args)
    {
        CliRun run = Revert(args);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith("remediator revert: ", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Revert_FunctionDoesNotExist_ExitsActionNeededSayingSo()
    {
        CliRun run = Revert("--function", "no-such-function");

        Assert.Equal(ExitCodes.ActionNeeded, run.ExitCode);
        Assert.Contains("does not exist", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Revert_InvalidSetting_ExitsBadInputNamingTheVariable()
    {
        world.Environment["REMEDIATOR_MAX_ATTEMPTS"] = "none";

        CliRun run = Revert("--function", "pets-prod");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("REMEDIATOR_MAX_ATTEMPTS", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Revert_AwsUnreachable_ExitsAwsFailure()
    {
        world.Environment["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9";

        CliRun run = Revert("--function", "pets-prod");

        Assert.Equal(ExitCodes.AwsFailure, run.ExitCode);
        Assert.StartsWith("remediator revert: ", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Revert_FromLedgerTableUnreachable_ExitsAwsFailure()
    {
        world.Environment["REMEDIATOR_LEDGER_TABLE"] = "remediator-ledger";
        world.Environment["AWS_ENDPOINT_URL_DYNAMODB"] = "http://127.0.0.1:9";

        CliRun run = Revert("--from-ledger");

        Assert.True(run.ExitCode == ExitCodes.AwsFailure, run.Output + run.Error);
        Assert.StartsWith("remediator revert: ", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Revert_FromLedgerTableMissing_ExitsAwsFailure()
    {
        using var dynamo = new MissingTableDynamoDb();
        world.Environment["REMEDIATOR_LEDGER_TABLE"] = "remediator-ledger";
        world.Environment["AWS_ENDPOINT_URL_DYNAMODB"] = dynamo.Endpoint;

        CliRun run = Revert("--from-ledger");

        Assert.True(run.ExitCode == ExitCodes.AwsFailure, run.Output + run.Error);
        Assert.Equal("remediator revert: Requested resource not found", Assert.Single(run.ErrorLines));
        Assert.Equal(1, dynamo.Requests);
    }

    private CliRun Revert(params string[] args) => world.Run(RevertCommand.Create, ["revert", .. args]);

    /// <summary>The engine in enforce mode over the sandbox's clients and <paramref name="ledger"/>, as the deployed Lambda runs it.</summary>
    private async Task<string> FixWithEngineAsync(ILedger ledger)
    {
        string payload = await File.ReadAllTextAsync(await world.FailingPayloadFileAsync());
        var engine = new RemediationEngine(
            new EngineDependencies
            {
                Lambda = world.Clients.Lambda,
                RestApis = world.Clients.ApiGateway,
                V2Apis = world.Clients.ApiGatewayV2,
                Logs = world.Clients.Logs,
                Ledger = ledger,
            },
            new RemediatorSettings { Mode = RemediatorMode.Enforce, SettleDelay = TimeSpan.Zero },
            new EngineOptions { AccountId = world.AccountId, Region = world.Region });
        EngineResult result = await engine.ProcessAsync(payload, "invocation-1", CancellationToken.None);
        EngineOutcome fix = Assert.Single(result.Outcomes);
        Assert.Equal(Core.Decisions.RemediationOutcome.Fixed, fix.Outcome);
        return fix.StatementId!;
    }
}
