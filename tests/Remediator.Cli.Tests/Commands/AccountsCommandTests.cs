using System.Text.Json;
using Remediator.Aws.Composition;
using Remediator.Aws.Config;
using Remediator.Aws.Credentials;
using Remediator.Aws.Http;
using Remediator.Cli.Commands;
using Remediator.Sandbox;
using Remediator.Sandbox.Scenarios;

namespace Remediator.Cli.Tests.Commands;

/// <summary>
/// <c>audit</c> and <c>revert</c> with <c>--accounts</c>, in-process, against a sandbox serving four accounts: the operator's
/// own, one with the stage-variable outage, one whose API is allowed, and one where the role does not exist. Everything goes
/// over the wire: AssumeRole through the official STS client, then each account's audit with the keys it handed out.
/// </summary>
public sealed class AccountsCommandTests : IAsyncLifetime
{
    private const string Role = "remediator-audit";
    private const string Broken = "111111111111";
    private const string Healthy = "222222222222";
    private const string NoRole = "333333333333";

    private StageVariableOutage sandbox = null!;
    private string brokenApi = null!;
    private string healthyApi = null!;
    private Dictionary<string, string> environment = null!;

    public async Task InitializeAsync()
    {
        sandbox = await StageVariableOutage.StartAsync(
            new SandboxOptions
            {
                OtherAccounts =
                [
                    new SandboxAccountOptions(Broken, new Dictionary<string, string>(), [Role]),
                    new SandboxAccountOptions(Healthy, new Dictionary<string, string>(), [Role]),
                    new SandboxAccountOptions(NoRole, new Dictionary<string, string>(), ["someone-else"]),
                ],
            },
            CancellationToken.None);
        environment = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = sandbox.Endpoint,
            ["AWS_REGION"] = sandbox.Sandbox.Region,
            ["AWS_ACCESS_KEY_ID"] = "test",
            ["AWS_SECRET_ACCESS_KEY"] = "test",
        };

        await using StageVariableOutage broken = await InAsync(Broken);
        await broken.CreateFunctionAsync("pets-prod", CancellationToken.None);
        brokenApi = await broken.CreateApiAsync("pets-prod", CancellationToken.None);

        await using StageVariableOutage healthy = await InAsync(Healthy);
        await healthy.CreateFunctionAsync("pets-prod", CancellationToken.None);
        healthyApi = await healthy.CreateApiAsync("pets-prod", CancellationToken.None);
        await healthy.AllowApiGatewayAsync("pets-prod", $"arn:aws:execute-api:{sandbox.Sandbox.Region}:{Healthy}:{healthyApi}/*/GET/pets/*", CancellationToken.None);
    }

    public async Task DisposeAsync() => await sandbox.DisposeAsync();

    [Fact]
    public void Audit_AcrossThreeAccounts_ListsEachAccountsVerdictsAndTheFailingAccountsErrorBesideThem()
    {
        CliRun run = Audit("--accounts", $"{Broken},{Healthy},{NoRole}", "--role-name", Role);

        Assert.True(run.ExitCode == ExitCodes.AwsFailure, run.Output + run.Error);
        string region = sandbox.Sandbox.Region;
        Assert.Matches(@"^ACCOUNT\s+REGION\s+STATUS\s+API/STAGE\s+TYPE\s+TARGET\s+FUNCTION$", run.OutputLines[0]);
        Assert.Contains(run.OutputLines, line => Columns(line) is [Broken, var r, "Missing", var stage, "REST", "GET", "/pets/{id}", var fn]
            && r == region && stage == $"{brokenApi}/prod" && fn == $"arn:aws:lambda:{region}:{Broken}:function:pets-prod");
        Assert.Contains(run.OutputLines, line => Columns(line) is [Healthy, _, "Allowed", var stage, "REST", "GET", "/pets/{id}", var fn]
            && stage == $"{healthyApi}/prod" && fn == $"arn:aws:lambda:{region}:{Healthy}:function:pets-prod");
        Assert.Contains(run.OutputLines, line => Columns(line) is [NoRole, _, "Failed", "-", "-", "-", "-"]);
        Assert.Contains(run.OutputLines, line => line.StartsWith("  error: ", StringComparison.Ordinal)
            && line.Contains($"is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::{NoRole}:role/{Role}", StringComparison.Ordinal));
        Assert.Contains(run.OutputLines, line => line.StartsWith("  fix: aws lambda add-permission", StringComparison.Ordinal)
            && line.Contains($"{Broken}:{brokenApi}/prod/GET/pets/*", StringComparison.Ordinal) && line.EndsWith($"--region {region}", StringComparison.Ordinal));
        Assert.Equal($"{Broken} {region}: 1 Lambda target(s) (1 Missing) in 1 API(s), 1 stage(s).", run.OutputLines[^4]);
        Assert.Equal($"{Healthy} {region}: 1 Lambda target(s) (1 Allowed) in 1 API(s), 1 stage(s).", run.OutputLines[^3]);
        Assert.Equal($"{NoRole} {region}: failed (exit {ExitCodes.AwsFailure}).", run.OutputLines[^2]);
        Assert.Equal("3 account-region(s): 2 audited, 1 failed; 2 Lambda target(s) (1 Allowed, 1 Missing).", run.OutputLines[^1]);
        Assert.Contains($"remediator audit: {NoRole} {region}: ", run.Error, StringComparison.Ordinal);

        // Read-only: the role sessions added nothing anywhere.
        Assert.Equal(0, Requests(Broken, "lambda:AddPermission"));
        Assert.Equal(1, Requests(Healthy, "lambda:AddPermission"));
        Assert.Equal(0, Requests(SandboxOptions.DefaultAccountId, "apigateway:GetRestApis"));
    }

    [Fact]
    public void Audit_AcrossAccountsAsJson_IsOneDocumentWithAnAccountAndRegionOnEveryTarget()
    {
        string file = Path.GetTempFileName();
        File.WriteAllLines(file, ["# the pets OU", Broken, $"{Healthy}  # allowed", string.Empty, NoRole]);
        try
        {
            CliRun run = Audit("--accounts", file, "--role-name", Role, "--output", "json");

            Assert.Equal(ExitCodes.AwsFailure, run.ExitCode);
            using JsonDocument report = JsonDocument.Parse(Assert.Single(run.OutputLines));
            JsonElement root = report.RootElement;
            Assert.Equal(
                [(Broken, "Audited", 1), (Healthy, "Audited", 0), (NoRole, "Failed", 3)],
                root.GetProperty("accounts").EnumerateArray().Select(a => (a.GetProperty("account").GetString(), a.GetProperty("status").GetString(), a.GetProperty("exitCode").GetInt32())));
            Assert.Contains("AssumeRole", root.GetProperty("accounts")[2].GetProperty("error").GetString(), StringComparison.Ordinal);
            Assert.Equal(
                [(Broken, "Missing"), (Healthy, "Allowed")],
                root.GetProperty("targets").EnumerateArray().Select(t => (t.GetProperty("account").GetString(), t.GetProperty("status").GetString())));
            Assert.All(root.GetProperty("targets").EnumerateArray(), t => Assert.Equal(sandbox.Sandbox.Region, t.GetProperty("region").GetString()));
            Assert.True(root.GetProperty("missing").GetBoolean());
            Assert.True(root.GetProperty("failed").GetBoolean());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Audit_AcrossHealthyAccountsOnly_ExitsWithTheWorstVerdict()
    {
        Assert.Equal(ExitCodes.ActionNeeded, Audit("--accounts", $"{Healthy},{Broken}", "--role-name", Role).ExitCode);
        Assert.Equal(ExitCodes.Success, Audit("--accounts", Healthy, "--role-name", Role).ExitCode);
    }

    [Fact]
    public void Revert_AcrossAccounts_DryRun_ReportsEachAccountAndTheFailingOne()
    {
        CliRun run = CliRun.Execute(console => RevertCommand.Create(console, environment), ["revert", "--function", "pets-prod", "--dry-run", "--accounts", $"{Broken},{Healthy},{NoRole}", "--role-name", Role]);

        Assert.True(run.ExitCode == ExitCodes.AwsFailure, run.Output + run.Error);
        string region = sandbox.Sandbox.Region;
        Assert.Contains($"{Broken}  {region}  No statement Remediator added was found.", run.OutputLines);
        Assert.Contains($"{Healthy}  {region}  No statement Remediator added was found; 1 statement(s) Remediator did not add left untouched.", run.OutputLines);
        Assert.Contains(run.OutputLines, line => line.StartsWith($"{NoRole}  {region}  Failed       error: ", StringComparison.Ordinal));
        Assert.Equal("3 account-region(s): 2 reverted in, 1 failed.", run.OutputLines[^1]);
        Assert.Equal(0, Requests(Healthy, "lambda:RemovePermission"));
    }

    [Theory]
    [InlineData(new[] { "--accounts", Broken }, "--accounts needs --role-name")]
    [InlineData(new[] { "--role-name", Role }, "--role-name needs --accounts")]
    [InlineData(new[] { "--accounts", "12345", "--role-name", Role }, "\"12345\" is not a 12-digit account id")]
    [InlineData(new[] { "--accounts", Broken, "--role-name", "bad role" }, "is not an IAM role name")]
    [InlineData(new[] { "--accounts", Broken, "--role-name", Role, "--regions", "us-east-1,nowhere" }, "\"nowhere\" is not a region")]
    [InlineData(new[] { "--accounts", Broken, "--role-name", Role, "--regions", "us-east-1,cn-north-1" }, "spans several partitions")]
    [InlineData(new[] { "--accounts", Broken, "--role-name", Role, "--api", "abc" }, "--api names one API of one account")]
    public void Audit_AcrossAccounts_BadCommandLine_IsBadInputBeforeAnyCall(string[] args, string problem)
    {
        int assumedBefore = Requests(SandboxOptions.DefaultAccountId, "sts:AssumeRole");

        CliRun run = Audit(args);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains(problem, run.Error, StringComparison.Ordinal);
        Assert.Equal(assumedBefore, Requests(SandboxOptions.DefaultAccountId, "sts:AssumeRole"));
    }

    private CliRun Audit(params string[] args) =>
        CliRun.Execute(console => AuditCommand.Create(console, environment), ["audit", .. args]);

    private static string[] Columns(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private int Requests(string account, string key)
    {
        using JsonDocument state = JsonDocument.Parse(sandbox.Sandbox.StateJson(account));
        return state.RootElement.GetProperty("requestCounts").TryGetProperty(key, out JsonElement count) ? count.GetInt32() : 0;
    }

    private async Task<StageVariableOutage> InAsync(string account)
    {
        var provider = new AssumedRoleCredentialsProvider(
            StageVariableOutage.Credentials,
            RemediatorServices.StsClientConfig(sandbox.Endpoint, sandbox.Sandbox.Region, new AwsRetryOptions()),
            $"arn:aws:iam::{account}:role/{Role}",
            "seed");
        AwsCredentials keys = await provider.GetCredentialsAsync(CancellationToken.None);
        provider.Dispose();
        return sandbox.InAccount(account, new Emulation.Credentials.StaticCredentialsProvider(keys));
    }
}
