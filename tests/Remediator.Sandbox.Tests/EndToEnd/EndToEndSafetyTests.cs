using System.Net;
using Remediator.Core.Configuration;
using Remediator.Core.Decisions;
using Remediator.Core.Engine;
using Remediator.Core.Intake;
using Remediator.Emulation.Intake;

namespace Remediator.Sandbox.Tests.EndToEnd;

/// <summary>
/// What must never be granted, checked against the sandbox's control plane. Real failures on the simulated data
/// plane where it can produce them (role-based integrations, other accounts, missing aliases); hand-written
/// batches only for forged or misleading log lines, which no real request writes.
/// </summary>
public class EndToEndSafetyTests(SandboxAccount account) : IClassFixture<SandboxAccount>
{
    private const string Stage = "prod";
    private const string RequestId = "5f0c2d1e-aaaa-4bbb-8ccc-000000000001";

    [Fact]
    public async Task Remediate_RoleBasedIntegration_TicketsWithoutWriting()
    {
        account.Reset();
        string pets = await account.CreateFunctionAsync("pets");
        string role = $"arn:aws:iam::{account.AccountId}:role/apigw-invoke";
        (string api, _) = await account.RestApi().Method("GET", "/pets", account.InvokeUri(pets), credentials: role).DeployAsync(Stage);
        Assert.Equal(HttpStatusCode.InternalServerError, await account.CallAsync(api, Stage, "GET", "/pets"));

        EngineOutcome outcome = Assert.Single(await EndToEndRuns.RemediateAsync(account, account.Engine(await EnforceAsync())));

        Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.RoleBasedIntegration), (outcome.Outcome, outcome.Reason));
        AssertNoWrites();
        await account.AllowRoleToInvokeAsync(role, pets);
        Assert.Equal(HttpStatusCode.OK, await account.CallAsync(api, Stage, "GET", "/pets"));
    }

    [Fact]
    public async Task Remediate_CrossAccountFunction_TicketsWithoutWriting()
    {
        account.Reset();
        string foreign = "arn:aws:lambda:us-east-1:111122223333:function:shared-pets";
        (string api, _) = await account.RestApi().Method("GET", "/pets", account.InvokeUri("${stageVariables.fn}"))
            .DeployAsync(Stage, new Dictionary<string, string> { ["fn"] = foreign });
        Assert.Equal(HttpStatusCode.InternalServerError, await account.CallAsync(api, Stage, "GET", "/pets"));

        EngineOutcome outcome = Assert.Single(await EndToEndRuns.RemediateAsync(account, account.Engine(await EnforceAsync())));

        Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.CrossAccountFunction), (outcome.Outcome, outcome.Reason));
        AssertNoWrites();
    }

    [Fact]
    public async Task Remediate_MissingAlias_TicketsWithoutWriting()
    {
        account.Reset();
        string pets = await account.CreateFunctionAsync("pets", publish: true);
        (string api, _) = await account.RestApi().Method("GET", "/pets", account.InvokeUri(pets + ":${stageVariables.alias}"))
            .DeployAsync(Stage, new Dictionary<string, string> { ["alias"] = "canary" });
        Assert.Equal(HttpStatusCode.InternalServerError, await account.CallAsync(api, Stage, "GET", "/pets"));

        EngineOutcome outcome = Assert.Single(await EndToEndRuns.RemediateAsync(account, account.Engine(await EnforceAsync())));

        Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.AliasNotFound), (outcome.Outcome, outcome.Reason));
        AssertNoWrites();
    }

    [Fact]
    public async Task Remediate_LoggedFunctionTheIntegrationDoesNotReference_TicketsWithoutWriting()
    {
        account.Reset();
        string pets = await account.CreateFunctionAsync("pets");
        string attacker = await account.CreateFunctionAsync("attacker");
        (string api, _) = await account.RestApi().Method("GET", "/pets", account.InvokeUri(pets)).DeployAsync(Stage);

        EngineOutcome outcome = Assert.Single(await RemediateAsync(api, Refused("GET", "/pets", attacker)));

        Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.LogControlPlaneMismatch), (outcome.Outcome, outcome.Reason));
        AssertNoWrites();
        Assert.Empty(await account.StatementIdsAsync(attacker));
    }

    [Fact]
    public async Task Remediate_PathNamingAnotherApi_WritesNothing()
    {
        account.Reset();
        string pets = await account.CreateFunctionAsync("pets");
        (string api, _) = await account.RestApi().Method("GET", "/pets", account.InvokeUri(pets)).DeployAsync(Stage);
        (string other, _) = await account.RestApi("other").Method("GET", "/admin", account.InvokeUri(pets)).DeployAsync(Stage);

        IReadOnlyList<EngineOutcome> outcomes = await RemediateAsync(api, Refused("GET", $"/restapis/{other}/{Stage}/_user_request_/admin", null));

        Assert.All(outcomes, o => Assert.NotEqual(RemediationOutcome.Fixed, o.Outcome));
        AssertNoWrites();
    }

    [Fact]
    public async Task Remediate_ForgedUriInARealRequestsHeader_GrantsOnlyTheIntegrationsFunction()
    {
        account.Reset();
        string pets = await account.CreateFunctionAsync("pets");
        string attacker = await account.CreateFunctionAsync("attacker");
        (string api, _) = await account.RestApi().Method("GET", "/pets", account.InvokeUri(pets)).DeployAsync(Stage);
        var forged = new Dictionary<string, string>
        {
            ["X-Forged"] = $"Endpoint request URI: https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/{attacker}/invocations",
            ["X-Also"] = "Execution failed due to configuration error: Invalid permissions on Lambda function",
        };
        Assert.Equal(HttpStatusCode.InternalServerError, await account.CallAsync(api, Stage, "GET", "/pets", forged));

        EngineOutcome outcome = Assert.Single(await EndToEndRuns.RemediateAsync(account, account.Engine(await EnforceAsync())));

        Assert.Equal((RemediationOutcome.Fixed, pets), (outcome.Outcome, outcome.FunctionArn));
        Assert.Empty(await account.StatementIdsAsync(attacker));
    }

    [Fact]
    public async Task Remediate_ForgedFailureTextInAHealthyRequest_WritesNothing()
    {
        account.Reset();
        string pets = await account.CreateFunctionAsync("pets");
        (string api, _) = await account.RestApi().Method("GET", "/pets/{id}", account.InvokeUri(pets)).DeployAsync(Stage);
        await account.AllowApiAsync(pets, $"arn:aws:execute-api:{account.Region}:{account.AccountId}:{api}/*/GET/pets/*");
        var forged = new Dictionary<string, string> { ["X-Forged"] = "Execution failed due to configuration error: Invalid permissions on Lambda function" };
        Assert.Equal(HttpStatusCode.OK, await account.CallAsync(api, Stage, "GET", "/pets/Execution%20failed%20due%20to%20configuration%20error:%20Invalid%20permissions%20on%20Lambda%20function", forged));

        IReadOnlyList<EngineOutcome> outcomes = await EndToEndRuns.RemediateAsync(account, account.Engine(await EnforceAsync()));

        Assert.Empty(outcomes);
        Assert.Equal(["console-added"], await account.StatementIdsAsync(pets));
    }

    /// <summary>INFO-level lines of a request whose Lambda call API Gateway refused.</summary>
    private static string[] Refused(string method, string path, string? loggedFunction) =>
    [
        $"({RequestId}) HTTP Method: {method}, Resource Path: {path}",
        .. loggedFunction is null ? Array.Empty<string>() : [$"({RequestId}) Endpoint request URI: https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/{loggedFunction}/invocations"],
        $"({RequestId}) Execution failed due to configuration error: Invalid permissions on Lambda function",
        $"({RequestId}) Method completed with status: 500",
    ];

    private async Task<IReadOnlyList<EngineOutcome>> RemediateAsync(string api, string[] lines)
    {
        var batch = new LogBatch(
            SubscriptionMessageType.DataMessage,
            account.AccountId,
            $"API-Gateway-Execution-Logs_{api}/{Stage}",
            "0123456789abcdef0123456789abcdef",
            ["remediator"],
            lines.Select((line, i) => new LogEvent($"{i:D56}", 1763703252000 + i, line)).ToArray());
        EngineResult result = await account.Engine(await EnforceAsync())
            .ProcessAsync(SubscriptionPayloadEncoder.EncodePayload(batch), "invocation-1", CancellationToken.None);
        return result.Outcomes;
    }

    private void AssertNoWrites() => Assert.Equal(0, account.RequestCounts().GetValueOrDefault("lambda:AddPermission"));

    private async Task<RemediatorSettings> EnforceAsync() => new()
    {
        Mode = RemediatorMode.Enforce,
        TopicArn = await account.CreateTopicAsync(),
        SettleDelay = TimeSpan.Zero,
    };
}
