using System.Net;
using Remediator.Core.Configuration;
using Remediator.Core.Decisions;
using Remediator.Core.Engine;

namespace Remediator.Sandbox.Tests.EndToEnd;

/// <summary>
/// A REST stage serves its deployment, not the draft (docs/ARCHITECTURE.md, "Verification"): whatever the draft says
/// after the last deployment never decides a grant. Real failures on the sandbox's data plane, which runs what the
/// stage deployed, remediated through Remediator's own wire clients.
/// </summary>
public class EndToEndDeploymentTests(SandboxAccount account) : IClassFixture<SandboxAccount>
{
    private const string Stage = "prod";

    [Fact]
    public async Task Remediate_DraftNamesBAfterTheStageDeployedA_GrantsAWhichFailsNeverB()
    {
        account.Reset();
        string deployed = await account.CreateFunctionAsync("pets");
        string draft = await account.CreateFunctionAsync("pets-next");
        (string api, _) = await account.RestApi().Method("GET", "/pets/{id}", account.InvokeUri(deployed)).DeployAsync(Stage);
        await account.RepointDraftMethodAsync(api, "GET", "/pets/{id}", account.InvokeUri(draft));
        Assert.Equal(HttpStatusCode.InternalServerError, await account.CallAsync(api, Stage, "GET", "/pets/1"));

        EngineOutcome outcome = Assert.Single(await EndToEndRuns.RemediateAsync(account, account.Engine(await EnforceAsync())));

        Assert.Equal((RemediationOutcome.Fixed, deployed), (outcome.Outcome, outcome.FunctionArn));
        Assert.Single(await account.StatementIdsAsync(deployed));
        Assert.Empty(await account.StatementIdsAsync(draft));
        Assert.Equal(HttpStatusCode.OK, await account.CallAsync(api, Stage, "GET", "/pets/2"));
    }

    [Fact]
    public async Task Remediate_DraftNamesAnUnrelatedFunctionAndTheLogsAreErrorOnly_GrantsItNothing()
    {
        // ERROR-level logs name no method, path or function: the stage is swept, and only what it deployed counts.
        account.Reset();
        string pets = await account.CreateFunctionAsync("pets");
        string admin = await account.CreateFunctionAsync("admin-reset-passwords");
        (string api, _) = await account.RestApi().Method("GET", "/pets", account.InvokeUri(pets)).DeployAsync(Stage, logLevel: "ERROR");
        await account.RepointDraftMethodAsync(api, "GET", "/pets", account.InvokeUri(admin));
        Assert.Equal(HttpStatusCode.InternalServerError, await account.CallAsync(api, Stage, "GET", "/pets"));

        EngineOutcome outcome = Assert.Single(await EndToEndRuns.RemediateAsync(account, account.Engine(await EnforceAsync())));

        Assert.Equal((RemediationOutcome.Fixed, pets), (outcome.Outcome, outcome.FunctionArn));
        Assert.Empty(await account.StatementIdsAsync(admin));
    }

    [Fact]
    public async Task Remediate_DraftAuthorizerNamesAnUnrelatedFunction_GrantsNothing()
    {
        account.Reset();
        string auth = await account.CreateFunctionAsync("token-authorizer");
        string admin = await account.CreateFunctionAsync("admin-reset-passwords");
        string pets = await account.CreateFunctionAsync("pets");
        (string api, IReadOnlyDictionary<string, string> authorizers) = await account.RestApi()
            .Authorizer("tok", account.InvokeUri(auth))
            .Method("GET", "/pets", account.InvokeUri(pets), authorizer: "tok")
            .DeployAsync(Stage);
        await account.RepointDraftAuthorizerAsync(api, authorizers["tok"], account.InvokeUri(admin));
        Assert.Equal(HttpStatusCode.InternalServerError, await account.CallAsync(api, Stage, "GET", "/pets", new Dictionary<string, string> { ["Authorization"] = "allow" }));

        EngineOutcome outcome = Assert.Single(await EndToEndRuns.RemediateAsync(account, account.Engine(await EnforceAsync())));

        Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.Unresolvable), (outcome.Outcome, outcome.Reason));
        Assert.True(outcome.Detail.Contains("was changed after stage", StringComparison.Ordinal), outcome.Detail);
        Assert.Equal(0, account.RequestCounts().GetValueOrDefault("lambda:AddPermission"));
        Assert.Empty(await account.StatementIdsAsync(admin));
    }

    [Fact]
    public async Task Remediate_AfterTheDraftIsDeployed_FollowsTheNewDeployment()
    {
        account.Reset();
        string first = await account.CreateFunctionAsync("pets-v1");
        string second = await account.CreateFunctionAsync("pets-v2");
        (string api, _) = await account.RestApi().Method("GET", "/pets", account.InvokeUri(first)).DeployAsync(Stage);
        await account.AllowApiAsync(first, $"arn:aws:execute-api:{account.Region}:{account.AccountId}:{api}/*/GET/pets");
        await account.RepointDraftMethodAsync(api, "GET", "/pets", account.InvokeUri(second));
        Assert.Equal(HttpStatusCode.OK, await account.CallAsync(api, Stage, "GET", "/pets"));
        await account.RedeployAsync(api, Stage);
        Assert.Equal(HttpStatusCode.InternalServerError, await account.CallAsync(api, Stage, "GET", "/pets"));

        EngineOutcome outcome = Assert.Single(await EndToEndRuns.RemediateAsync(account, account.Engine(await EnforceAsync())));

        Assert.Equal((RemediationOutcome.Fixed, second), (outcome.Outcome, outcome.FunctionArn));
        Assert.Equal(HttpStatusCode.OK, await account.CallAsync(api, Stage, "GET", "/pets"));
    }

    private async Task<RemediatorSettings> EnforceAsync() => new()
    {
        Mode = RemediatorMode.Enforce,
        TopicArn = await account.CreateTopicAsync(),
        SettleDelay = TimeSpan.Zero,
    };
}
