using System.Net;
using Remediator.Core.Configuration;
using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Engine;
using Remediator.Sandbox.Tests.TestSupport;

namespace Remediator.Sandbox.Tests.EndToEnd;

/// <summary>
/// Failures no grant fixes, through the sandbox over real HTTP: the data plane fails as AWS does and logs it, the
/// engine reads the control plane with Remediator's own clients, writes nothing, and tickets what the owner must change.
/// </summary>
public class EndToEndCatalogueTests(SandboxAccount account) : IClassFixture<SandboxAccount>
{
    private const string Stage = "prod";

    [Fact]
    public async Task Remediate_FunctionReservedAtZeroBehindTheTemplatesFilter_TicketsThrottlingWithTheReservedConcurrency()
    {
        // Delivered as a deployed stack delivers: the template's pattern lets only the failure lines through.
        account.Reset(TemplateFilterPattern.Raw);
        string pets = await account.CreateFunctionAsync("pets");
        (string api, _) = await account.RestApi().Method("GET", "/pets/{id}", account.InvokeUri(pets)).DeployAsync(Stage);
        await account.AllowApiAsync(pets, $"arn:aws:execute-api:{account.Region}:{account.AccountId}:{api}/*/GET/pets/*");
        await account.ReserveConcurrencyAsync("pets", 0);
        Assert.Equal(HttpStatusCode.InternalServerError, await account.CallAsync(api, Stage, "GET", "/pets/1"));
        Assert.Equal(HttpStatusCode.InternalServerError, await account.CallAsync(api, Stage, "GET", "/pets/2"));
        int writes = account.RequestCounts().GetValueOrDefault("lambda:AddPermission");

        IReadOnlyList<EngineOutcome> outcomes = await EndToEndRuns.RemediateAsync(account, account.Engine(await SettingsAsync()));

        // The delivered lines name no route: each request is read back from its log stream, then resolved.
        Assert.Equal(2, outcomes.Count);
        Assert.All(outcomes, o => Assert.Equal((FindingKind.FunctionThrottled, RemediationOutcome.Ticket, OutcomeReason.FunctionThrottled, pets), (o.Kind, o.Outcome, o.Reason, o.FunctionArn)));
        Assert.Single(outcomes.Select(o => o.LedgerKey).Distinct());
        Assert.All(outcomes, o => Assert.Contains("Its reserved concurrency is 0, which throttles every invocation", o.Detail, StringComparison.Ordinal));
        Assert.True(account.RequestCounts().GetValueOrDefault("logs:FilterLogEvents") > 0);
        Assert.Equal(outcomes.Count, account.RequestCounts().GetValueOrDefault("lambda:GetFunctionConcurrency")); // one delivery, one invocation, one read
        Assert.Equal(writes, account.RequestCounts().GetValueOrDefault("lambda:AddPermission"));
        string message = Assert.Single(account.SnsMessages()).GetProperty("messages").GetProperty("default").GetString()!;
        Assert.Contains("never ran", message, StringComparison.Ordinal);
        Assert.DoesNotContain("statusCode", message, StringComparison.Ordinal);

        // The owner's fix, which the ticket names, is what makes the API answer again.
        await account.RemoveReservedConcurrencyAsync("pets");
        Assert.Equal(HttpStatusCode.OK, await account.CallAsync(api, Stage, "GET", "/pets/3"));
    }

    [Fact]
    public async Task Remediate_RestCredentialsRoleThatDoesNotTrustApiGateway_TicketsTheRolesTrustPolicy()
    {
        account.Reset();
        string role = $"arn:aws:iam::{account.AccountId}:role/lambda-only";
        string orders = await account.CreateFunctionAsync("orders");
        await account.AllowRoleToInvokeAsync(role, orders);
        await account.SetRoleTrustAsync(role, "lambda.amazonaws.com");
        (string api, _) = await account.RestApi()
            .Method("GET", "/orders/{id}", account.InvokeUri(orders), credentials: role)
            .Method("POST", "/orders", account.InvokeUri(orders), credentials: role)
            .DeployAsync(Stage);
        Assert.Equal(HttpStatusCode.InternalServerError, await account.CallAsync(api, Stage, "GET", "/orders/1"));
        Assert.Equal(HttpStatusCode.InternalServerError, await account.CallAsync(api, Stage, "GET", "/orders/2"));
        Assert.Equal(HttpStatusCode.InternalServerError, await account.CallAsync(api, Stage, "POST", "/orders"));

        IReadOnlyList<EngineOutcome> outcomes = await EndToEndRuns.RemediateAsync(account, account.Engine(await SettingsAsync()));

        Assert.Equal(3, outcomes.Count);
        Assert.All(outcomes, o => Assert.Equal((FindingKind.CredentialsRoleNotAssumable, RemediationOutcome.Ticket, OutcomeReason.RoleTrust), (o.Kind, o.Outcome, o.Reason)));
        Assert.All(outcomes, o => Assert.Contains($"API Gateway cannot assume role {role}", o.Detail, StringComparison.Ordinal));
        Assert.All(outcomes, o => Assert.Contains("\"Service\": \"apigateway.amazonaws.com\"", o.Detail, StringComparison.Ordinal));
        Assert.Equal(2, outcomes.Select(o => o.LedgerKey).Distinct().Count());
        Assert.Equal(2, account.SnsMessages().Count);
        Assert.Empty(await account.StatementIdsAsync(orders));

        await account.SetRoleTrustAsync(role, "lambda.amazonaws.com", "apigateway.amazonaws.com");
        Assert.Equal(HttpStatusCode.OK, await account.CallAsync(api, Stage, "GET", "/orders/1"));
    }

    [Fact]
    public async Task Remediate_HttpCredentialsRoleThatDoesNotTrustApiGateway_TicketsTheRoleFromTheAccessLog()
    {
        account.Reset();
        string role = $"arn:aws:iam::{account.AccountId}:role/step-functions-only";
        string items = await account.CreateFunctionAsync("items");
        await account.AllowRoleToInvokeAsync(role, items);
        await account.SetRoleTrustAsync(role, "states.amazonaws.com");
        (string api, _) = await account.HttpApi().Route("POST /items", items, credentials: role).DeployAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, await account.CallAsync(api, "$default", "POST", "/items"));

        EngineOutcome outcome = Assert.Single(await EndToEndRuns.RemediateAsync(account, account.Engine(await SettingsAsync())));

        Assert.Equal((FindingKind.CredentialsRoleNotAssumable, ApiType.Http, OutcomeReason.RoleTrust, "POST /items"), (outcome.Kind, outcome.ApiType, outcome.Reason, outcome.RouteKey));
        Assert.Contains($"API Gateway cannot assume role {role}, the credentials of route POST /items", outcome.Detail, StringComparison.Ordinal);
        Assert.Empty(await account.StatementIdsAsync(items));
    }

    private async Task<RemediatorSettings> SettingsAsync() => new()
    {
        Mode = RemediatorMode.Enforce,
        TopicArn = await account.CreateTopicAsync(),
        SettleDelay = TimeSpan.Zero,
    };
}
