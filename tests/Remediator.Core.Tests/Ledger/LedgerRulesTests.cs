using System.Globalization;
using Remediator.Core.Ledger;
using Remediator.Core.Ports;

namespace Remediator.Core.Tests.Ledger;

public sealed class LedgerRulesTests
{
    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);

    [Fact]
    public void TruncateToMilliseconds_SubMillisecondTicksAndOffset_DropsTicksKeepsInstant()
    {
        var instant = At("2025-03-14T11:26:53.5898765+02:00");

        var truncated = LedgerRules.TruncateToMilliseconds(instant);

        Assert.Equal(At("2025-03-14T09:26:53.589+00:00"), truncated);
        Assert.Equal(TimeSpan.Zero, truncated.Offset);
    }

    [Theory]
    [InlineData("2025-03-14T09:26:53.589+00:00", 30, "2025-04-13T09:26:53+00:00")]
    [InlineData("2025-03-14T09:26:53.999+00:00", 0, "2025-03-14T09:26:53+00:00")]
    public void ExpiryAfter_AnyInstant_WholeSecondsAfterRetention(string now, int retentionDays, string expected)
    {
        Assert.Equal(At(expected), LedgerRules.ExpiryAfter(At(now), TimeSpan.FromDays(retentionDays)));
    }

    [Fact]
    public void FirstClaim_AnyRequest_PendingRecordLeasedToTheClaimant()
    {
        var now = At("2025-03-14T09:26:53.589+00:00");
        var request = new ClaimRequest("fp", "owner-1", TimeSpan.FromMinutes(5), Occurrences: 3);

        LedgerRecord record = LedgerRules.FirstClaim(request, now, TimeSpan.FromDays(30));

        Assert.Equal(("fp", LedgerOutcome.Pending, now, now, 3L), (record.Key, record.Outcome, record.FirstSeen, record.LastSeen, record.Occurrences));
        Assert.Equal(new LedgerLease("fp", "owner-1", At("2025-03-14T09:31:53.589+00:00")), record.Lease);
        Assert.Equal(At("2025-04-13T09:26:53+00:00"), record.ExpiresAt);
    }

    [Theory]
    [InlineData("2025-03-14T09:26:53.589+00:00", "2025-03-14T09:00:00+00:00")]
    [InlineData("2025-03-14T09:00:00+00:00", "2025-03-14T09:00:00+00:00")]
    [InlineData("2025-03-14T01:30:00+02:00", "2025-03-13T23:00:00+00:00")]
    public void HourStart_AnyInstant_StartOfItsUtcHour(string now, string expected)
    {
        Assert.Equal(At(expected), LedgerRules.HourStart(At(now)));
    }

    [Fact]
    public void IsLeaseFree_AtAndAfterExpiry_FreeBeforeNot()
    {
        var lease = new LedgerLease("fp", "owner", At("2025-03-14T09:30:00+00:00"));

        Assert.True(LedgerRules.IsLeaseFree(null, lease.ExpiresAt));
        Assert.False(LedgerRules.IsLeaseFree(lease, lease.ExpiresAt.AddMilliseconds(-1)));
        Assert.True(LedgerRules.IsLeaseFree(lease, lease.ExpiresAt));
    }

    [Fact]
    public void Normalize_FixWithoutFunctionArn_Throws()
    {
        var outcome = new LedgerOutcome { State = RemediationState.Fixed, Fix = new AppliedPermission("sid", "", null) };

        Assert.ThrowsAny<ArgumentException>(() => LedgerRules.Normalize(outcome));
    }

    [Fact]
    public void Normalize_UndefinedState_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LedgerRules.Normalize(new LedgerOutcome { State = (RemediationState)42 }));
    }
}
