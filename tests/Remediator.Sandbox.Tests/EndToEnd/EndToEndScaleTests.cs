using System.Net;
using Remediator.Core.Configuration;
using Remediator.Core.Decisions;
using Remediator.Core.Engine;
using Remediator.Core.Intake;
using Remediator.Core.Ledger;
using Remediator.Emulation.Intake;

namespace Remediator.Sandbox.Tests.EndToEnd;

/// <summary>Storms and races: AWS calls do not grow with repeats, and concurrent engines act once.</summary>
public class EndToEndScaleTests(SandboxAccount account, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<SandboxAccount>
{
    private const string Stage = "prod";

    /// <summary>
    /// Every AWS call one REST fix makes (docs/ARCHITECTURE.md, "Verification"): the API (its tags too), the stage (its
    /// variables and logging too), what the stage deployed, the policy (which also proves the function exists), the
    /// function's tags (exemption and ownership), the write, the notification and, with the first notification of a
    /// process (each run here builds its engine), the account's alias it names. <c>replay</c> adds STS.
    /// </summary>
    private static readonly string[] RestFixCalls =
    [
        "apigateway:GetRestApi", "apigateway:GetStage", "apigateway:GetExport",
        "lambda:GetPolicy", "lambda:ListTags", "lambda:AddPermission", "sns:Publish", "iam:ListAccountAliases",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(500)]
    public async Task Remediate_StageVariableFix_MakesExactlyTheRestFixCallsWhateverTheStorm(int requests)
    {
        (IReadOnlyDictionary<string, int> calls, EngineResult result) = await RemediateCopiesAsync(requests);

        output.WriteLine(Describe(calls));
        Assert.Equal(requests * 4, result.EventsRead);
        AssertEachOnce(RestFixCalls, calls);
        Assert.Equal(requests, Assert.Single(result.Outcomes).Finding!.Occurrences);
    }

    [Fact]
    public async Task Remediate_TenThousandCopiesOfOneFailure_MakeTheSameAwsCallsAsOne()
    {
        (IReadOnlyDictionary<string, int> one, _) = await RemediateCopiesAsync(1);
        (IReadOnlyDictionary<string, int> many, EngineResult result) = await RemediateCopiesAsync(10_000);

        output.WriteLine(Describe(many));
        Assert.Equal(one, many);
        Assert.Equal(10_000, Assert.Single(result.Outcomes).Finding!.Occurrences);
        Assert.Equal(1, many["lambda:AddPermission"]);
        Assert.Equal(1, many["sns:Publish"]);
    }

    [Fact]
    public async Task Remediate_HttpApiFix_MakesExactlyTheseAwsCalls()
    {
        account.Reset();
        string items = await account.CreateFunctionAsync("items");
        (string api, _) = await account.HttpApi().Route("GET /items/{id}", items).DeployAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, await account.CallAsync(api, "$default", "GET", "/items/1"));

        (IReadOnlyDictionary<string, int> calls, EngineResult result) = await RemediateDeliveredAsync();

        Assert.Equal(RemediationOutcome.Fixed, Assert.Single(result.Outcomes).Outcome);
        AssertEachOnce(
            [
                "apigatewayv2:GetApi", "apigatewayv2:GetStage", "apigatewayv2:GetRoutes", "apigatewayv2:GetIntegration",
                "lambda:GetPolicy", "lambda:ListTags", "lambda:AddPermission", "sns:Publish", "iam:ListAccountAliases",
            ],
            calls);
    }

    [Fact]
    public async Task Remediate_RestAuthorizerFix_MakesExactlyTheseAwsCalls()
    {
        account.Reset();
        string auth = await account.CreateFunctionAsync("token-authorizer");
        string pets = await account.CreateFunctionAsync("pets");
        (string api, _) = await account.RestApi().Authorizer("tok", account.InvokeUri(auth)).Method("GET", "/pets", account.InvokeUri(pets), authorizer: "tok").DeployAsync(Stage);
        Assert.Equal(HttpStatusCode.InternalServerError, await account.CallAsync(api, Stage, "GET", "/pets"));

        (IReadOnlyDictionary<string, int> calls, EngineResult result) = await RemediateDeliveredAsync();

        Assert.Equal((RemediationOutcome.Fixed, auth), (Assert.Single(result.Outcomes).Outcome, result.Outcomes[0].FunctionArn));
        AssertEachOnce([.. RestFixCalls, "apigateway:GetAuthorizers"], calls);
    }

    [Fact]
    public async Task Remediate_EightConcurrentEnginesOnOneBatch_AddOneStatementAndPublishOneNotification()
    {
        account.Reset();
        string pets = await account.CreateFunctionAsync("pets");
        (string api, _) = await account.RestApi().Method("GET", "/pets/{id}", account.InvokeUri(pets)).DeployAsync(Stage);
        await account.CallAsync(api, Stage, "GET", "/pets/1");
        string payload = Assert.Single(account.TakePayloads());
        var ledger = new InMemoryLedger(TimeProvider.System);
        RemediatorSettings settings = await EnforceAsync(TimeSpan.FromMilliseconds(200));

        EngineResult[] results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            account.Engine(settings, ledger).ProcessAsync(payload, $"invocation-{i}", CancellationToken.None))));

        Assert.Single(await account.StatementIdsAsync(pets));
        Assert.Single(account.SnsMessages());
        EngineOutcome[] outcomes = results.SelectMany(r => r.Outcomes).ToArray();
        Assert.Equal(8, outcomes.Length);
        Assert.Single(outcomes, o => o.Outcome == RemediationOutcome.Fixed);
        Assert.All(outcomes.Where(o => o.Outcome != RemediationOutcome.Fixed), o => Assert.True(
            o is { Outcome: RemediationOutcome.Ignored, Reason: OutcomeReason.ClaimedElsewhere } or { Outcome: RemediationOutcome.AlreadyAllowed },
            $"{o.Outcome} ({o.Reason})"));
        Assert.Equal(HttpStatusCode.OK, await account.CallAsync(api, Stage, "GET", "/pets/2"));
    }

    /// <summary>
    /// A real failure from the data plane on a stage-variable integration, repeated as <paramref name="copies"/>
    /// requests (each with its own request id, four lines each), remediated from a fresh account; returns the AWS
    /// requests the engine made.
    /// </summary>
    private async Task<(IReadOnlyDictionary<string, int> Calls, EngineResult Result)> RemediateCopiesAsync(int copies)
    {
        account.Reset();
        await account.CreateFunctionAsync("pets");
        (string api, _) = await account.RestApi().Method("GET", "/pets/{id}", account.InvokeUri(account.FunctionArn("${stageVariables.petsFunction}")))
            .DeployAsync(Stage, new Dictionary<string, string> { ["petsFunction"] = "pets" });
        await account.CallAsync(api, Stage, "GET", "/pets/42");
        LogBatch failure = SubscriptionPayloadDecoder.Decode(Assert.Single(account.TakePayloads())).Batch!;
        string requestId = failure.LogEvents[0].Message[1..failure.LogEvents[0].Message.IndexOf(')', StringComparison.Ordinal)];
        string[] kept = failure.LogEvents.Select(e => e.Message)
            .Where(m => m.Contains(") HTTP Method: ", StringComparison.Ordinal) || m.Contains(") Endpoint request URI: ", StringComparison.Ordinal)
                || m.Contains(") Execution failed due to", StringComparison.Ordinal) || m.Contains(") Method completed with status", StringComparison.Ordinal))
            .ToArray();
        LogEvent[] events = Enumerable.Range(0, copies)
            .SelectMany(copy => kept.Select(line => line.Replace(requestId, $"{copy:D8}-0000-4000-8000-{copy:D12}", StringComparison.Ordinal)))
            .Select((line, i) => new LogEvent($"{i:D56}", failure.LogEvents[0].Timestamp, line))
            .ToArray();
        string payload = SubscriptionPayloadEncoder.EncodePayload(failure with { LogEvents = events });
        RemediationEngine engine = account.Engine(await EnforceAsync(TimeSpan.Zero));
        IReadOnlyDictionary<string, int> before = account.RequestCounts();

        EngineResult result = await engine.ProcessAsync(payload, "invocation-1", CancellationToken.None);

        Assert.Equal(RemediationOutcome.Fixed, Assert.Single(result.Outcomes).Outcome);
        return (Since(before), result);
    }

    /// <summary>Remediates the one payload the data plane delivered, in enforce mode; returns the AWS requests the engine made.</summary>
    private async Task<(IReadOnlyDictionary<string, int> Calls, EngineResult Result)> RemediateDeliveredAsync()
    {
        string payload = Assert.Single(account.TakePayloads());
        RemediationEngine engine = account.Engine(await EnforceAsync(TimeSpan.Zero));
        IReadOnlyDictionary<string, int> before = account.RequestCounts();
        EngineResult result = await engine.ProcessAsync(payload, "invocation-1", CancellationToken.None);
        Dictionary<string, int> calls = Since(before);
        output.WriteLine(Describe(calls));
        return (calls, result);
    }

    /// <summary>The requests per <c>service:Operation</c> made since <paramref name="before"/>.</summary>
    private Dictionary<string, int> Since(IReadOnlyDictionary<string, int> before) =>
        account.RequestCounts().Where(c => c.Value != before.GetValueOrDefault(c.Key)).ToDictionary(c => c.Key, c => c.Value - before.GetValueOrDefault(c.Key));

    private static void AssertEachOnce(string[] operations, IReadOnlyDictionary<string, int> calls) =>
        Assert.Equal(operations.Order(StringComparer.Ordinal).Select(o => (o, 1)), calls.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, c.Value)));

    private static string Describe(IReadOnlyDictionary<string, int> calls) =>
        $"{calls.Values.Sum()} calls: " + string.Join(", ", calls.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"));

    private async Task<RemediatorSettings> EnforceAsync(TimeSpan settle) => new()
    {
        Mode = RemediatorMode.Enforce,
        TopicArn = await account.CreateTopicAsync(),
        SettleDelay = settle,
    };
}
