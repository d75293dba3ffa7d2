using Microsoft.Extensions.Time.Testing;
using Remediator.Core.Engine;
using Remediator.Core.Notifications;
using Remediator.Core.Ports;
using Remediator.Core.Tests.Fakes;
using static Remediator.Core.Tests.Engine.EngineWorld;

namespace Remediator.Core.Tests.Engine;

/// <summary>
/// The account's alias is read once per process, by the first message, within two seconds; a failure or a slow
/// answer means no alias and never a failed or held-up notification.
/// </summary>
public class AccountAliasLookupTests
{
    private const string Request = "7c4e0a9e-3b1f-4d2a-9f6e-1a2b3c4d5e6f";

    [Fact]
    public async Task AliasAsync_ReadsOnceAndSharesTheAnswer()
    {
        var iam = new FakeIam { Aliases = ["payments-prod"] };
        var lookup = new AccountAliasLookup(iam, new FakeTimeProvider());

        Assert.False(lookup.Started);
        Assert.Equal("payments-prod", await lookup.AliasAsync(CancellationToken.None));
        Assert.Equal("payments-prod", await lookup.AliasAsync(CancellationToken.None));
        Assert.Equal(1, iam.Calls);
    }

    [Fact]
    public async Task AliasAsync_ARefusal_IsNoAliasAndIsNotAskedAgain()
    {
        var iam = new FakeIam { Failure = new AwsServiceException("iam", "ListAccountAliases", "AccessDenied", 403, "not authorized", "r-1") };
        var lookup = new AccountAliasLookup(iam, new FakeTimeProvider());

        Assert.Null(await lookup.AliasAsync(CancellationToken.None));
        Assert.Null(await lookup.AliasAsync(CancellationToken.None));
        Assert.Equal(1, iam.Calls);
    }

    [Fact]
    public async Task AliasAsync_NoAnswerWithinTheBudget_IsNoAlias()
    {
        var time = new FakeTimeProvider();
        var lookup = new AccountAliasLookup(new FakeIam { Hangs = true }, time);

        Task<string?> alias = lookup.AliasAsync(CancellationToken.None);
        time.Advance(AccountAliasLookup.Budget - TimeSpan.FromMilliseconds(1));
        Assert.False(alias.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Null(await alias);
        Assert.Equal(TimeSpan.FromSeconds(2), AccountAliasLookup.Budget);
    }

    [Theory]
    [InlineData("Payments-Prod")]
    [InlineData("x")]
    public async Task AliasAsync_AnAnswerOfAnotherShape_IsNoAlias(string answered)
    {
        var lookup = new AccountAliasLookup(new FakeIam { Aliases = [answered] }, new FakeTimeProvider());

        Assert.Null(await lookup.AliasAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AliasAsync_WithoutIam_IsNoAliasAndCallsNothing()
    {
        var lookup = new AccountAliasLookup(null, new FakeTimeProvider());

        Assert.Null(await lookup.AliasAsync(CancellationToken.None));
        Assert.False(lookup.Started);
    }

    [Fact]
    public async Task Engine_NamesTheAliasInTheNotification_AndReadsItOnceForTheProcess()
    {
        var world = new EngineWorld { Iam = new FakeIam { Aliases = ["payments-prod"] } }.WithPetsApi();
        world.Rest.AddMethod(RestApiId, "/pets", "POST", Proxy(Pets));
        RemediationEngine engine = world.Engine();

        await engine.ProcessAsync(RestBatch(RestFailure(Request, "GET", "/pets/42", Pets)), "invocation-1", CancellationToken.None);
        await engine.ProcessAsync(RestBatch(RestFailure("b2", "POST", "/pets", Pets)), "invocation-2", CancellationToken.None);

        Assert.Equal(2, world.Sns.Published.Count);
        Assert.All(world.Sns.Published, m =>
        {
            Assert.Equal("payments-prod", m.Attributes![NotificationAttributes.AccountAlias]);
            Assert.Equal(Account, m.Attributes[NotificationAttributes.AccountId]);
            Assert.Contains($"Account {Account} (payments-prod), region", m.Message, StringComparison.Ordinal);
        });
        Assert.Equal(1, world.Iam!.Calls);
    }

    [Fact]
    public async Task Engine_IamRefusesTheRead_TheNotificationIsStillSentWithoutAnAlias()
    {
        var world = new EngineWorld
        {
            Iam = new FakeIam { Failure = new AwsServiceException("iam", "ListAccountAliases", "AccessDenied", 403, "not authorized", "r-1") },
        }.WithPetsApi();

        EngineResult result = await world.RunAsync(RestBatch(RestFailure(Request, "GET", "/pets/42", Pets)));

        Assert.True(Assert.Single(result.Outcomes).Notified);
        SnsMessage message = Assert.Single(world.Sns.Published);
        Assert.False(message.Attributes!.ContainsKey(NotificationAttributes.AccountAlias));
        Assert.Equal(Account, message.Attributes[NotificationAttributes.AccountId]);
    }

    [Fact]
    public async Task Engine_IamHangs_TheNotificationIsSentWithoutAnAliasOnceTheBudgetIsUp()
    {
        var world = new EngineWorld { Iam = new FakeIam { Hangs = true } }.WithPetsApi();

        EngineResult result = await world.RunAsync(RestBatch(RestFailure(Request, "GET", "/pets/42", Pets)));

        Assert.True(Assert.Single(result.Outcomes).Notified);
        Assert.False(Assert.Single(world.Sns.Published).Attributes!.ContainsKey(NotificationAttributes.AccountAlias));
        Assert.Contains(AccountAliasLookup.Budget, world.Time.Delays);
    }

    [Fact]
    public async Task Engine_NothingToNotify_NeverCallsIam()
    {
        var world = new EngineWorld { Iam = new FakeIam { Aliases = ["payments-prod"] } }.WithPetsApi();

        await world.RunAsync(RestBatch("(x) Method completed with status: 200"));

        Assert.Empty(world.Sns.Published);
        Assert.Equal(0, world.Iam!.Calls);
    }
}
