using System.Net;
using Remediator.Core.Configuration;
using Remediator.Core.Decisions;
using Remediator.Core.Engine;

namespace Remediator.Sandbox.Tests.EndToEnd;

/// <summary>
/// The confused-deputy attacks of an API editor, over real HTTP against the sandbox: real failing requests on the
/// data plane, the delivered execution logs, and the engine in enforce mode (README, "Security model").
/// </summary>
public class EndToEndOwnershipTests(SandboxAccount account) : IClassFixture<SandboxAccount>
{
    private const string Stage = "prod";

    [Fact]
    public async Task Remediate_StageVariableNamingAnUnrelatedFunction_GrantsNothingAndSaysHowToOptIn()
    {
        // Someone who may edit API Gateway but not call lambda:AddPermission points a stage variable at a function
        // whose owner never opted in.
        account.Reset();
        string victim = await account.CreateFunctionAsync("admin-reset-passwords", managed: false);
        (string api, _) = await account.RestApi()
            .Method("GET", "/pets/{id}", account.InvokeUri(account.FunctionArn("${stageVariables.fn}")))
            .DeployAsync(Stage, new Dictionary<string, string> { ["fn"] = "admin-reset-passwords" });
        Assert.Equal(HttpStatusCode.InternalServerError, await account.CallAsync(api, Stage, "GET", "/pets/42"));

        EngineOutcome outcome = Assert.Single(await EndToEndRuns.RemediateAsync(account, account.Engine(await EnforceAsync())));

        Assert.Equal((RemediationOutcome.Recommended, OutcomeReason.OwnershipUnproven, victim), (outcome.Outcome, outcome.Reason, outcome.FunctionArn));
        Assert.Equal(0, account.RequestCounts().GetValueOrDefault("lambda:AddPermission"));
        Assert.Empty(await account.StatementIdsAsync(victim));
        Assert.Contains("remediator:managed", Assert.Single(account.SnsMessages()).GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.InternalServerError, await account.CallAsync(api, Stage, "GET", "/pets/42"));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("api")]
    public async Task Remediate_FunctionWhoseOwnerOptedIn_IsFixed(string value)
    {
        account.Reset();
        string pets = await account.CreateFunctionAsync("pets", managed: false);
        (string api, _) = await account.RestApi().Method("GET", "/pets", account.InvokeUri(pets)).DeployAsync(Stage);
        await account.TagFunctionAsync(pets, "remediator:managed", value == "api" ? $"zz11yy22xx {api}" : value);
        Assert.Equal(HttpStatusCode.InternalServerError, await account.CallAsync(api, Stage, "GET", "/pets"));

        EngineOutcome outcome = Assert.Single(await EndToEndRuns.RemediateAsync(account, account.Engine(await EnforceAsync())));

        Assert.Equal((RemediationOutcome.Fixed, OutcomeReason.PermissionMissing), (outcome.Outcome, outcome.Reason));
        Assert.Equal(HttpStatusCode.OK, await account.CallAsync(api, Stage, "GET", "/pets"));
    }

    [Fact]
    public async Task Remediate_ManagedTagNamingOnlyOtherApis_GrantsNothing()
    {
        account.Reset();
        string pets = await account.CreateFunctionAsync("pets", tags: new Dictionary<string, string> { ["remediator:managed"] = "zz11yy22xx" }, managed: false);
        (string api, _) = await account.RestApi().Method("GET", "/pets", account.InvokeUri(pets)).DeployAsync(Stage);
        Assert.Equal(HttpStatusCode.InternalServerError, await account.CallAsync(api, Stage, "GET", "/pets"));

        EngineOutcome outcome = Assert.Single(await EndToEndRuns.RemediateAsync(account, account.Engine(await EnforceAsync())));

        Assert.Equal(OutcomeReason.OwnershipUnproven, outcome.Reason);
        Assert.Equal(0, account.RequestCounts().GetValueOrDefault("lambda:AddPermission"));
    }

    [Fact]
    public async Task Remediate_FunctionAndApiOfOneStack_AreFixedOnTheStackProof()
    {
        account.Reset();
        const string stack = "arn:aws:cloudformation:us-east-1:123456789012:stack/pets/0e1f2a3b-aaaa-bbbb-cccc-000000000001";
        string pets = await account.CreateFunctionAsync("pets", managed: false);
        (string api, _) = await account.RestApi().Method("GET", "/pets", account.InvokeUri(pets)).DeployAsync(Stage);
        await account.SetTagsAsCloudFormationAsync(pets, stack);
        await account.SetTagsAsCloudFormationAsync($"arn:aws:apigateway:{account.Region}::/restapis/{api}", stack);
        Assert.Equal(HttpStatusCode.InternalServerError, await account.CallAsync(api, Stage, "GET", "/pets"));

        EngineOutcome outcome = Assert.Single(await EndToEndRuns.RemediateAsync(account, account.Engine(await EnforceAsync())));

        Assert.Equal(RemediationOutcome.Fixed, outcome.Outcome);
    }

    [Fact]
    public async Task Remediate_ForgedLinesOfAStageWhoseLoggingIsOff_GrantNothingAndSendNothing()
    {
        // The stage writes no execution logs, so lines in its log group were written by someone else.
        account.Reset();
        string pets = await account.CreateFunctionAsync("pets");
        (string api, _) = await account.RestApi().Method("GET", "/pets", account.InvokeUri(pets)).DeployAsync(Stage, logLevel: "OFF");
        await account.PutLogEventsAsync($"API-Gateway-Execution-Logs_{api}/{Stage}",
        [
            "(5f0c2d1e-aaaa-4bbb-8ccc-000000000009) HTTP Method: GET, Resource Path: /pets",
            "(5f0c2d1e-aaaa-4bbb-8ccc-000000000009) Execution failed due to configuration error: Invalid permissions on Lambda function",
        ]);

        EngineOutcome outcome = Assert.Single(await EndToEndRuns.RemediateAsync(account, account.Engine(await EnforceAsync())));

        Assert.Equal((RemediationOutcome.Ignored, OutcomeReason.LogSourceMismatch), (outcome.Outcome, outcome.Reason));
        Assert.Equal(0, account.RequestCounts().GetValueOrDefault("lambda:AddPermission"));
        Assert.Empty(account.SnsMessages());
    }

    private async Task<RemediatorSettings> EnforceAsync() => new()
    {
        Mode = RemediatorMode.Enforce,
        TopicArn = await account.CreateTopicAsync(),
        SettleDelay = TimeSpan.Zero,
    };
}
