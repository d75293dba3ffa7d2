using System.Text.Json;
using Remediator.Core.Configuration;
using Remediator.Core.Decisions;
using Remediator.Core.Engine;
using Remediator.Core.Policy;
using Remediator.Core.Ports;
using Remediator.Sandbox.Tests.TestSupport;

namespace Remediator.Sandbox.Tests.EndToEnd;

/// <summary>
/// The scheduled sweep's hygiene over real HTTP against the sandbox: a Remediator statement whose API is gone is listed
/// and counted in the one digest, and the sweep removes nothing (README, "Healing ahead of failures").
/// </summary>
public class EndToEndHygieneTests(SandboxAccount account) : IClassFixture<SandboxAccount>
{
    [Fact]
    public async Task ScheduledSweep_StatementOfAnApiThatNoLongerExists_IsInTheDigestAndLeftInPlace()
    {
        account.Reset();
        string pets = await account.CreateFunctionAsync("pets");
        (string api, _) = await account.RestApi("pets").Method("GET", "/pets", account.InvokeUri(pets)).DeployAsync("prod");
        await account.AllowApiAsync(pets, $"arn:aws:execute-api:{account.Region}:{account.AccountId}:{api}/*/GET/pets");
        PermissionGrant stale = PermissionGrant.Create(
            LambdaFunctionArn.Parse(pets).Value!, $"arn:aws:execute-api:{account.Region}:{account.AccountId}:g0n3ap1xyz/prod/GET/pets", account.AccountId).Value!;
        await account.Clients.Lambda.AddPermissionAsync(
            new AddPermissionRequest(pets, stale.StatementId, stale.Action, stale.Principal, stale.SourceArn, stale.SourceAccount, null, null), CancellationToken.None);
        var settings = new RemediatorSettings { Mode = RemediatorMode.Enforce, TopicArn = await account.CreateTopicAsync(), SettleDelay = TimeSpan.Zero };

        EngineResult result = await account.Engine(settings).ProcessAsync(Schedule(), "invocation-1", CancellationToken.None);

        Assert.Equal(OutcomeReason.NothingToFix, Assert.Single(result.Outcomes).Reason);
        JsonElement digest = Assert.Single(account.SnsMessages());
        string text = digest.GetProperty("messages").GetProperty("default").GetString()!;
        Assert.Contains(
            $"- {pets} statement {stale.StatementId}: API g0n3ap1xyz no longer exists (GetRestApi and GetApi both answer 404 NotFound)",
            text,
            StringComparison.Ordinal);
        string document = digest.GetProperty("messages").GetProperty("sqs").GetString()!;
        Assert.Empty(NotificationSchema.Errors(document));
        using (JsonDocument parsed = JsonDocument.Parse(document))
        {
            Assert.Equal(1, parsed.RootElement.GetProperty("digest").GetProperty("staleStatements").GetInt32());
        }

        Assert.Contains(stale.StatementId, await account.StatementIdsAsync(pets));
        Assert.Equal(0, account.RequestCounts().GetValueOrDefault("lambda:RemovePermission"));
    }

    private string Schedule() =>
        $"{{\"version\":\"0\",\"id\":\"{Guid.NewGuid()}\",\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\",\"account\":\"{account.AccountId}\","
        + $"\"time\":\"2026-12-03T18:00:00Z\",\"region\":\"{account.Region}\",\"resources\":[\"arn:aws:events:{account.Region}:{account.AccountId}:rule/remediator-sweep\"],\"detail\":{{}}}}";
}
