using System.Net;
using Remediator.Core.Configuration;
using Remediator.Core.Decisions;
using Remediator.Core.Engine;
using Remediator.Sandbox.Faults;

namespace Remediator.Sandbox.Tests.EndToEnd;

/// <summary>REST API scenarios: a real failure on the simulated data plane, its logs delivered to the engine, the fix, then 200.</summary>
public class EndToEndRestTests(SandboxAccount account) : IClassFixture<SandboxAccount>
{
    private const string Stage = "prod";

    [Fact]
    public async Task Remediate_StageVariableNamesFunction_FixesAndTheRequestSucceeds()
    {
        account.Reset();
        string blue = await account.CreateFunctionAsync("pets-blue");
        (string api, _) = await account.RestApi()
            .Method("GET", "/pets/{id}", account.InvokeUri(account.FunctionArn("${stageVariables.fn}")))
            .DeployAsync(Stage, new Dictionary<string, string> { ["fn"] = "pets-blue" });

        EngineOutcome outcome = Assert.Single(await FailThenRemediateAsync(api, "GET", "/pets/42"));

        Assert.Equal((RemediationOutcome.Fixed, blue, (string?)null), (outcome.Outcome, outcome.FunctionArn, outcome.Qualifier));
        Assert.Equal($"arn:aws:execute-api:{account.Region}:{account.AccountId}:{api}/{Stage}/GET/pets/*", outcome.SourceArn);
        Assert.Equal(HttpStatusCode.OK, await account.CallAsync(api, Stage, "GET", "/pets/42"));
        Assert.Equal(HttpStatusCode.OK, await account.CallAsync(api, Stage, "GET", "/pets/7"));
    }

    [Fact]
    public async Task Remediate_StageVariableNamesAlias_FixesTheAliasPolicyOnly()
    {
        account.Reset();
        string pets = await account.CreateFunctionAsync("pets", publish: true);
        await account.CreateAliasAsync("pets", "live", "1");
        (string api, _) = await account.RestApi()
            .Method("GET", "/pets", account.InvokeUri(pets + ":${stageVariables.alias}"))
            .DeployAsync(Stage, new Dictionary<string, string> { ["alias"] = "live" });

        EngineOutcome outcome = Assert.Single(await FailThenRemediateAsync(api, "GET", "/pets"));

        Assert.Equal((RemediationOutcome.Fixed, "live"), (outcome.Outcome, outcome.Qualifier));
        Assert.Equal([outcome.StatementId!], await account.StatementIdsAsync(pets, "live"));
        Assert.Empty(await account.StatementIdsAsync(pets));
        Assert.Equal(HttpStatusCode.OK, await account.CallAsync(api, Stage, "GET", "/pets"));
    }

    [Fact]
    public async Task Remediate_PathParametersProxyAndAny_FixEachTemplateOnce()
    {
        account.Reset();
        string pets = await account.CreateFunctionAsync("pets");
        string proxy = await account.CreateFunctionAsync("catch-all");
        string orders = await account.CreateFunctionAsync("orders");
        (string api, _) = await account.RestApi()
            .Method("GET", "/pets/{id}", account.InvokeUri(pets))
            .Method("ANY", "/{proxy+}", account.InvokeUri(proxy))
            .Method("ANY", "/orders", account.InvokeUri(orders))
            .DeployAsync(Stage);

        await account.CallAsync(api, Stage, "GET", "/pets/42");
        await account.CallAsync(api, Stage, "DELETE", "/a/b/c");
        await account.CallAsync(api, Stage, "POST", "/orders");
        IReadOnlyList<EngineOutcome> outcomes = await RemediateAsync(await Enforce());

        Assert.Equal(3, outcomes.Count);
        Assert.All(outcomes, o => Assert.Equal(RemediationOutcome.Fixed, o.Outcome));
        Assert.Equal(
            [$"{api}/{Stage}/GET/pets/*", $"{api}/{Stage}/*/*", $"{api}/{Stage}/*/orders"],
            outcomes.Select(o => o.SourceArn![(o.SourceArn!.LastIndexOf(':') + 1)..]));
        Assert.Equal(HttpStatusCode.OK, await account.CallAsync(api, Stage, "GET", "/pets/1"));
        Assert.Equal(HttpStatusCode.OK, await account.CallAsync(api, Stage, "PUT", "/x/y"));
        Assert.Equal(HttpStatusCode.OK, await account.CallAsync(api, Stage, "GET", "/orders"));
    }

    [Fact]
    public async Task Remediate_AuthorizerRefused_GrantsTheAuthorizerSourceArn()
    {
        (string api, IReadOnlyDictionary<string, string> authorizers, string authorizer) = await SecureApiAsync("INFO");

        EngineOutcome outcome = Assert.Single(await FailThenRemediateAsync(api, "GET", "/secure", new Dictionary<string, string> { ["Authorization"] = "Bearer x" }));

        Assert.Equal((RemediationOutcome.Fixed, authorizer, authorizers["tokens"]), (outcome.Outcome, outcome.FunctionArn, outcome.AuthorizerId));
        Assert.Equal($"arn:aws:execute-api:{account.Region}:{account.AccountId}:{api}/authorizers/{authorizers["tokens"]}", outcome.SourceArn);
        Assert.Equal(HttpStatusCode.OK, await account.CallAsync(api, Stage, "GET", "/secure", new Dictionary<string, string> { ["Authorization"] = "Bearer x" }));
    }

    [Fact]
    public async Task Remediate_ErrorLevelLogs_ReadsContextThenChecksTheStageAndFixesTheRefusedIntegration()
    {
        account.Reset();
        string pets = await account.CreateFunctionAsync("pets");
        string owners = await account.CreateFunctionAsync("owners");
        (string api, _) = await account.RestApi()
            .Method("GET", "/pets", account.InvokeUri(pets))
            .Method("GET", "/owners", account.InvokeUri(owners))
            .DeployAsync(Stage, logLevel: "ERROR");
        await account.AllowApiAsync(owners, $"arn:aws:execute-api:{account.Region}:{account.AccountId}:{api}/*/GET/owners");
        int filtersBefore = account.RequestCounts().GetValueOrDefault("logs:FilterLogEvents");

        EngineOutcome outcome = Assert.Single(await FailThenRemediateAsync(api, "GET", "/pets"));

        Assert.Equal((RemediationOutcome.Fixed, pets), (outcome.Outcome, outcome.FunctionArn));
        Assert.True(account.RequestCounts().GetValueOrDefault("logs:FilterLogEvents") > filtersBefore);
        Assert.Contains(outcome.Verified, line => line.Contains("every Lambda integration", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, await account.CallAsync(api, Stage, "GET", "/pets"));
    }

    // An authorizer finding needs no method or path; a read-back that is refused must not make it a ticket.
    [Fact]
    public async Task Remediate_AuthorizerRefusedErrorLevelContextReadDenied_SweepsTheAuthorizersAndFixes()
    {
        (string api, IReadOnlyDictionary<string, string> authorizers, string authorizer) = await SecureApiAsync("ERROR");
        var headers = new Dictionary<string, string> { ["Authorization"] = "Bearer x" };
        Assert.Equal(HttpStatusCode.InternalServerError, await account.CallAsync(api, Stage, "GET", "/secure", headers));
        account.Server.Faults.Add(new FaultRule("logs", "FilterLogEvents", FaultKind.AccessDenied, Count: 100));
        int filtersBefore = account.RequestCounts().GetValueOrDefault("logs:FilterLogEvents");

        EngineOutcome outcome = Assert.Single(await RemediateAsync(await Enforce()));

        Assert.Equal((RemediationOutcome.Fixed, authorizer, authorizers["tokens"]), (outcome.Outcome, outcome.FunctionArn, outcome.AuthorizerId));
        Assert.Equal(filtersBefore + 1, account.RequestCounts().GetValueOrDefault("logs:FilterLogEvents"));
        Assert.Contains(outcome.Verified, line => line.Contains("could not be read back", StringComparison.Ordinal));
        account.Server.Faults.Clear();
        Assert.Equal(HttpStatusCode.OK, await account.CallAsync(api, Stage, "GET", "/secure", headers));
    }

    [Fact]
    public async Task Remediate_PolicyAlreadyAllows_WritesNothing()
    {
        account.Reset();
        string pets = await account.CreateFunctionAsync("pets");
        (string api, _) = await account.RestApi().Method("GET", "/pets", account.InvokeUri(pets)).DeployAsync(Stage);
        await account.CallAsync(api, Stage, "GET", "/pets");
        await account.AllowApiAsync(pets, $"arn:aws:execute-api:{account.Region}:{account.AccountId}:{api}/*/GET/pets");
        int writesBefore = account.RequestCounts().GetValueOrDefault("lambda:AddPermission");

        EngineOutcome outcome = Assert.Single(await RemediateAsync(await Enforce()));

        Assert.Equal((RemediationOutcome.AlreadyAllowed, OutcomeReason.PolicyAllows), (outcome.Outcome, outcome.Reason));
        Assert.Equal(writesBefore, account.RequestCounts().GetValueOrDefault("lambda:AddPermission"));
        Assert.Empty(account.SnsMessages());
    }

    [Fact]
    public async Task Remediate_PolicyNear20KB_TicketsAndLeavesThePolicyAlone()
    {
        account.Reset();
        string pets = await account.CreateFunctionAsync("pets");
        (string api, _) = await account.RestApi().Method("GET", "/pets", account.InvokeUri(pets)).DeployAsync(Stage);
        for (int i = 0; ; i++)
        {
            try
            {
                await account.AllowApiAsync(pets, $"arn:aws:execute-api:{account.Region}:{account.AccountId}:otherapi{i:D4}/*/GET/reports/monthly/summary", $"filler-statement-{i:D4}");
            }
            catch (Remediator.Core.Ports.AwsServiceException e) when (e.Is(Remediator.Core.Ports.AwsErrorCodes.PolicyLengthExceeded))
            {
                break;
            }
        }

        IReadOnlyList<string> before = await account.StatementIdsAsync(pets);
        EngineOutcome outcome = Assert.Single(await FailThenRemediateAsync(api, "GET", "/pets"));

        Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.PolicyTooLarge), (outcome.Outcome, outcome.Reason));
        Assert.Equal(before, await account.StatementIdsAsync(pets));
        Assert.Single(account.SnsMessages());
    }

    [Fact]
    public async Task Remediate_ExemptTag_WritesNothing()
    {
        account.Reset();
        string pets = await account.CreateFunctionAsync("pets", tags: new Dictionary<string, string> { ["remediator:exempt"] = "true" });
        (string api, _) = await account.RestApi().Method("GET", "/pets", account.InvokeUri(pets)).DeployAsync(Stage);

        EngineOutcome outcome = Assert.Single(await FailThenRemediateAsync(api, "GET", "/pets"));

        Assert.Equal((RemediationOutcome.Ticket, OutcomeReason.Exempted), (outcome.Outcome, outcome.Reason));
        Assert.Empty(await account.StatementIdsAsync(pets));
        Assert.Equal(HttpStatusCode.InternalServerError, await account.CallAsync(api, Stage, "GET", "/pets"));
    }

    [Theory]
    [InlineData(RemediatorMode.Observe, RemediationOutcome.Observed, 0)]
    [InlineData(RemediatorMode.Recommend, RemediationOutcome.Recommended, 1)]
    public async Task Remediate_ObserveAndRecommend_WriteNothing(RemediatorMode mode, RemediationOutcome expected, int notifications)
    {
        account.Reset();
        string pets = await account.CreateFunctionAsync("pets");
        (string api, _) = await account.RestApi().Method("GET", "/pets", account.InvokeUri(pets)).DeployAsync(Stage);
        await account.CallAsync(api, Stage, "GET", "/pets");

        EngineOutcome outcome = Assert.Single(await RemediateAsync(await SettingsAsync(mode)));

        Assert.Equal(expected, outcome.Outcome);
        Assert.Empty(await account.StatementIdsAsync(pets));
        Assert.Equal(0, account.RequestCounts().GetValueOrDefault("lambda:AddPermission"));
        Assert.Equal(notifications, account.SnsMessages().Count);
    }

    /// <summary><c>GET /secure</c> behind a TOKEN authorizer whose function API Gateway may not invoke (the method's function it may).</summary>
    private async Task<(string ApiId, IReadOnlyDictionary<string, string> Authorizers, string AuthorizerArn)> SecureApiAsync(string logLevel)
    {
        account.Reset();
        string pets = await account.CreateFunctionAsync("pets");
        string authorizer = await account.CreateFunctionAsync("token-authorizer");
        (string api, IReadOnlyDictionary<string, string> authorizers) = await account.RestApi()
            .Authorizer("tokens", account.InvokeUri(authorizer))
            .Method("GET", "/secure", account.InvokeUri(pets), authorizer: "tokens")
            .DeployAsync(Stage, logLevel: logLevel);
        await account.AllowApiAsync(pets, $"arn:aws:execute-api:{account.Region}:{account.AccountId}:{api}/*/GET/secure");
        return (api, authorizers, authorizer);
    }

    private async Task<IReadOnlyList<EngineOutcome>> FailThenRemediateAsync(string api, string method, string path, IReadOnlyDictionary<string, string>? headers = null)
    {
        Assert.Equal(HttpStatusCode.InternalServerError, await account.CallAsync(api, Stage, method, path, headers));
        return await RemediateAsync(await SettingsAsync(RemediatorMode.Enforce));
    }

    private async Task<IReadOnlyList<EngineOutcome>> RemediateAsync(RemediatorSettings settings) =>
        await EndToEndRuns.RemediateAsync(account, account.Engine(settings));

    private Task<RemediatorSettings> Enforce() => SettingsAsync(RemediatorMode.Enforce);

    private async Task<RemediatorSettings> SettingsAsync(RemediatorMode mode) => new()
    {
        Mode = mode,
        TopicArn = await account.CreateTopicAsync(),
        SettleDelay = TimeSpan.Zero,
    };
}
