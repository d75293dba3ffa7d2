using Remediator.Core.Notifications;

namespace Remediator.Core.Tests.Notifications;

public class NotificationKeyTests
{
    private static readonly DateTimeOffset Told = DateTimeOffset.Parse("2026-12-03T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void ForOutcome_SameRootCauseOutcomeAndRecord_IsTheSameKey()
    {
        Assert.Equal(
            NotificationKey.ForOutcome("fp-1", "Fixed", "", "remediator-abc", null),
            NotificationKey.ForOutcome("fp-1", "Fixed", "", "remediator-abc", null));
    }

    [Theory]
    [InlineData("fp-2", "Fixed", "", "remediator-abc", false)]
    [InlineData("fp-1", "Recommended", "", "remediator-abc", false)]
    [InlineData("fp-1", "Fixed", "PermissionMissing", "remediator-abc", false)]
    [InlineData("fp-1", "Fixed", "", "remediator-abd", false)]
    [InlineData("fp-1", "Fixed", "", "remediator-abc", true)]
    public void ForOutcome_AnyPartDiffers_IsAnotherDeduplicationId(string ledgerKey, string outcome, string reason, string statementId, bool toldBefore)
    {
        NotificationKey key = NotificationKey.ForOutcome(ledgerKey, outcome, reason, statementId, toldBefore ? Told : null);

        Assert.NotEqual(NotificationKey.ForOutcome("fp-1", "Fixed", "", "remediator-abc", null).DeduplicationId, key.DeduplicationId);
    }

    [Fact]
    public void ForOutcome_PartsThatWouldJoinAlike_AreToldApart()
    {
        // Length-prefixed parts: ("ab", "c") and ("a", "bc") are different notifications.
        Assert.NotEqual(
            NotificationKey.ForOutcome("ab", "c", "", null, null).DeduplicationId,
            NotificationKey.ForOutcome("a", "bc", "", null, null).DeduplicationId);
        Assert.NotEqual(
            NotificationKey.ForOutcome("fp", "Fixed", "", null, null).DeduplicationId,
            NotificationKey.ForOutcome("fp", "Fixed", "", "", null).DeduplicationId);
    }

    [Fact]
    public void ForOutcome_GroupIsTheRootCause()
    {
        Assert.Equal(NotificationKey.ForOutcome("fp-1", "Fixed", "", "s", null).GroupId, NotificationKey.ForOutcome("fp-1", "Ticket", "RepeatedFailure", null, Told).GroupId);
        Assert.NotEqual(NotificationKey.ForOutcome("fp-1", "Fixed", "", "s", null).GroupId, NotificationKey.ForOutcome("fp-2", "Fixed", "", "s", null).GroupId);
    }

    [Fact]
    public void Keys_AreValidFifoTokens()
    {
        NotificationKey[] keys =
        [
            NotificationKey.ForOutcome("fp-é\n", "Fixed", "", null, null),
            NotificationKey.ForSummary(null, null, Told),
            NotificationKey.ForDigest("event-1", null),
        ];

        Assert.All(keys, key =>
        {
            Assert.All(new[] { key.DeduplicationId, key.GroupId }, token =>
            {
                Assert.InRange(token.Length, 1, 128);
                Assert.All(token, c => Assert.InRange(c, '!', '~'));
            });
        });
    }

    [Fact]
    public void ForDigest_ARetryOfTheSameSweepSlice_IsTheSameKey()
    {
        Assert.Equal(NotificationKey.ForDigest("event-1", "rest/abc"), NotificationKey.ForDigest("event-1", "rest/abc"));
        Assert.NotEqual(NotificationKey.ForDigest("event-1", "rest/abc"), NotificationKey.ForDigest("event-2", "rest/abc"));
        Assert.NotEqual(NotificationKey.ForSummary("1", "r", Told), NotificationKey.ForSummary("1", "r", Told.AddHours(1)));
    }
}
