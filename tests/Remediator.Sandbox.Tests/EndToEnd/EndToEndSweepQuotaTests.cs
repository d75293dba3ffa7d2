using System.Text.Json;
using Remediator.Aws.Composition;
using Remediator.Aws.Config;
using Remediator.Aws.Credentials;
using Remediator.Core.Configuration;
using Remediator.Core.Decisions;
using Remediator.Core.Engine;
using Remediator.Core.Ledger;
using Remediator.Sandbox.Scenarios;

namespace Remediator.Sandbox.Tests.EndToEnd;

/// <summary>
/// The sweep benchmark's code path at a size CI can afford (README, "Performance"): the scheduled sweep, slice after
/// slice through the ledger's cursor, against a sandbox that answers 429 above AWS's account quotas.
/// </summary>
public sealed class EndToEndSweepQuotaTests
{
    private static readonly SweepWorldShape Shape = new(RestApis: 6, Stages: 3, MethodsPerApi: 4, HttpApis: 2, RoutesPerHttpApi: 2, MissingEvery: 3);

    [Fact]
    public async Task ScheduledSweep_UnderEmulatedQuotas_CoversEveryTargetWithoutOneThrottledCall()
    {
        await using SandboxServer server = await SandboxServer.StartAsync(new SandboxOptions { Port = 0, Seed = 11 });
        string topic = await SweepWorld.SeedAsync(server, Shape, parallelism: 4, CancellationToken.None);
        server.EmulateQuotas = true;
        var environment = AwsEnvironment.FromDictionary(new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = server.BaseUrl.ToString().TrimEnd('/'),
            ["AWS_REGION"] = server.Region,
            ["AWS_ACCESS_KEY_ID"] = "test",
            ["AWS_SECRET_ACCESS_KEY"] = "test",
        });
        using AwsClients clients = AwsClients.Create(environment, new AwsClientSettings { Credentials = new EnvironmentCredentialsProvider(environment) });
        var ledger = new InMemoryLedger(TimeProvider.System);
        var engine = new RemediationEngine(
            new EngineDependencies
            {
                Lambda = clients.Lambda,
                RestApis = clients.ApiGateway,
                V2Apis = clients.ApiGatewayV2,
                Logs = clients.Logs,
                Notifications = clients.Sns,
                Ledger = ledger,
            },
            new RemediatorSettings { Mode = RemediatorMode.Enforce, TopicArn = topic, SettleDelay = TimeSpan.Zero },
            // No time for reads beyond one API: every run is a slice, and the cursor must carry the sweep over all of them.
            new EngineOptions { AccountId = server.AccountId, Region = server.Region, SweepReadBudget = TimeSpan.Zero });

        var outcomes = new List<EngineOutcome>();
        int runs = 0;
        do
        {
            runs++;
            string schedule = $"{{\"version\":\"0\",\"id\":\"sweep-{runs}\",\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\",\"account\":\"{server.AccountId}\","
                + $"\"time\":\"2026-12-03T18:00:00Z\",\"region\":\"{server.Region}\",\"resources\":[],\"detail\":{{}}}}";
            outcomes.AddRange((await engine.ProcessAsync(schedule, $"invocation-{runs}", CancellationToken.None)).Outcomes);
        }
        while (await ledger.GetSweepCursorAsync(CancellationToken.None) is not null && runs < 50);

        using JsonDocument state = JsonDocument.Parse(server.StateJson());
        Dictionary<string, int> counts = state.RootElement.GetProperty("requestCounts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.DoesNotContain(counts, c => c.Key.StartsWith("throttled:", StringComparison.Ordinal));

        // One slice per API, each digest counting what its slice audited: together, every stage and target once.
        Assert.Equal(Shape.RestApis + Shape.HttpApis, runs);
        JsonElement[] digests = [.. state.RootElement.GetProperty("snsMessages").EnumerateArray().Select(m => Digest(m))];
        Assert.Equal(runs, digests.Length);
        Assert.Equal(Shape.StageCount, digests.Sum(d => d.GetProperty("stages").GetInt32()));
        Assert.Equal(Shape.Targets, digests.Sum(d => d.GetProperty("targets").GetInt32()));

        // The stages without a permission were healed in the slices that found them.
        int fixedNow = outcomes.Count(o => o.Outcome == RemediationOutcome.Fixed);
        Assert.True(fixedNow > 0);
        Assert.Equal(fixedNow, digests.Sum(d => d.GetProperty("fixed").GetInt32()));
        Assert.All(outcomes, o => Assert.Contains(o.Outcome, new[] { RemediationOutcome.Fixed, RemediationOutcome.Ignored }));
        server.EmulateQuotas = false;
        foreach (string function in new[] { "svc0000-read-prod", "svc0000-write-prod", "svc0003-read-prod", "svc0003-write-prod" })
        {
            Assert.NotNull(await clients.Lambda.GetPolicyAsync($"arn:aws:lambda:{server.Region}:{server.AccountId}:function:{function}", null, CancellationToken.None));
        }
    }

    private static JsonElement Digest(JsonElement message)
    {
        using JsonDocument document = JsonDocument.Parse(message.GetProperty("messages").GetProperty("sqs").GetString()!);
        return document.RootElement.GetProperty("digest").Clone();
    }
}
