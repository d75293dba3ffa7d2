using Microsoft.Extensions.Time.Testing;
using Remediator.Core.Ports;

namespace Remediator.Aws.Tests.Ledger;

/// <summary>
/// The behaviour every <see cref="ILedger"/> must show; each implementation's test class derives from this one.
/// Split by concern into partial files: claims, completion, counters, listing.
/// </summary>
public abstract partial class LedgerContractTests : IAsyncLifetime
{
    /// <summary>A start with sub-second parts, so truncation to milliseconds and seconds is visible.</summary>
    protected static readonly DateTimeOffset Start = new DateTimeOffset(2025, 3, 14, 9, 26, 53, TimeSpan.Zero).AddTicks(5_898_765);

    protected static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(5);

    protected static readonly LedgerOptions Options = new()
    {
        RecordRetention = TimeSpan.FromDays(30),
        CounterRetention = TimeSpan.FromHours(36),
    };

    private ILedger? _ledger;

    protected FakeTimeProvider Clock { get; } = new(Start);

    protected ILedger Ledger => _ledger ?? throw new InvalidOperationException("InitializeAsync has not run.");

    /// <summary>The start instant as the ledger stores it (whole milliseconds).</summary>
    protected static DateTimeOffset StartMillis => DateTimeOffset.FromUnixTimeMilliseconds(Start.ToUnixTimeMilliseconds());

    public async Task InitializeAsync() => _ledger = await CreateLedgerAsync(Clock, Options);

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Creates an empty ledger of the implementation under test.</summary>
    protected abstract Task<ILedger> CreateLedgerAsync(TimeProvider time, LedgerOptions options);

    protected Task<ClaimResult> ClaimAsync(string fingerprint, string owner, long occurrences = 1) =>
        Ledger.ClaimAsync(new ClaimRequest(fingerprint, owner, LeaseDuration, occurrences), CancellationToken.None);

    protected async Task<LedgerLease> ClaimLeaseAsync(string fingerprint, string owner)
    {
        var claim = await ClaimAsync(fingerprint, owner);
        Assert.True(claim.Claimed, $"{owner} should have claimed {fingerprint}");
        return claim.Lease!;
    }

    protected async Task<LedgerRecord> GetRequiredAsync(string fingerprint) =>
        await Ledger.GetAsync(fingerprint, CancellationToken.None)
        ?? throw new Xunit.Sdk.XunitException($"No record for {fingerprint}.");

    protected static DateTimeOffset WholeSeconds(DateTimeOffset instant) =>
        DateTimeOffset.FromUnixTimeSeconds(instant.ToUnixTimeSeconds());

    /// <summary>Every optional outcome value set, so a round trip shows each one survives.</summary>
    protected static LedgerOutcome FullOutcome => new()
    {
        State = RemediationState.Fixed,
        Attempts = 2,
        ConsecutiveFailures = 1,
        LastAction = "AddPermission",
        LastOutcomeReason = "missing-invoke-permission",
        OpsItemId = "oi-0a1b2c3d4e5f",
        Fix = new AppliedPermission(
            "remediator-a1b2c3d4e5f6-GET-pets",
            "arn:aws:lambda:us-east-1:000000000000:function:pets-api",
            "live"),
        LastNotifiedAt = StartMillis.AddSeconds(2),
        Intent = new PermissionIntent(
            "remediator-a1b2c3d4e5f6-GET-pets",
            "arn:aws:lambda:us-east-1:000000000000:function:pets-api",
            "live",
            "arn:aws:execute-api:us-east-1:000000000000:a1b2c3d4e5/*/GET/pets"),
        OwedNotification = new SnsMessage("arn:aws:sns:us-east-1:000000000000:remediator", "Fixed: GET /pets", "Remediator fixed pets-api"),
        LastFailedInvocation = "invocation-7",
    };
}
