using Microsoft.Extensions.Time.Testing;
using Remediator.Aws.Quotas;

namespace Remediator.Aws.Tests.Quotas;

/// <summary>The bucket on a fake clock: permits are counted, never timed.</summary>
public sealed class TokenBucketTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AcquireAsync_FullBucket_GrantsItsCapacityAtOnceAndHoldsTheRest()
    {
        var clock = new FakeTimeProvider();
        var bucket = new TokenBucket(5, TimeSpan.FromMilliseconds(200), clock);

        Task[] calls = Start(bucket, 12);

        await GrantedAsync(calls, 5);
    }

    [Fact]
    public async Task AcquireAsync_AsTimePasses_GrantsOnePermitPerIntervalInArrivalOrder()
    {
        var clock = new FakeTimeProvider();
        var bucket = new TokenBucket(5, TimeSpan.FromMilliseconds(200), clock);
        Task[] calls = Start(bucket, 12);
        await GrantedAsync(calls, 5);

        clock.Advance(TimeSpan.FromMilliseconds(200));
        await GrantedAsync(calls, 6);
        clock.Advance(TimeSpan.FromSeconds(1));
        await GrantedAsync(calls, 11);
        clock.Advance(TimeSpan.FromMilliseconds(200));
        await GrantedAsync(calls, 12);
    }

    [Fact]
    public async Task AcquireAsync_LongIdle_BanksNoMoreThanItsCapacity()
    {
        var clock = new FakeTimeProvider();
        var bucket = new TokenBucket(5, TimeSpan.FromMilliseconds(200), clock);
        await GrantedAsync(Start(bucket, 5), 5);

        clock.Advance(TimeSpan.FromMinutes(10));

        await GrantedAsync(Start(bucket, 8), 5);
    }

    [Fact]
    public async Task AcquireAsync_CancelledWait_GivesItsReservationBack()
    {
        var clock = new FakeTimeProvider();
        var bucket = new TokenBucket(1, TimeSpan.FromMilliseconds(200), clock);
        await bucket.AcquireAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        Task given = bucket.AcquireAsync(cancel.Token).AsTask();

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => given.WaitAsync(Guard));
        clock.Advance(TimeSpan.FromMilliseconds(200));

        // The permit due now is the cancelled caller's, handed on: the next caller does not queue behind it.
        await GrantedAsync(Start(bucket, 2), 1);
    }

    private static Task[] Start(TokenBucket bucket, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => bucket.AcquireAsync(CancellationToken.None).AsTask())];

    /// <summary>The first <paramref name="count"/> calls were granted; the others still wait (the fake clock is still).</summary>
    private static async Task GrantedAsync(Task[] calls, int count)
    {
        await Task.WhenAll(calls.Take(count)).WaitAsync(Guard);
        Assert.All(calls.Skip(count), call => Assert.False(call.IsCompleted));
    }
}
