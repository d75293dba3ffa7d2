using Remediator.Core.Ports;

namespace Remediator.Aws.Tests.Ledger;

/// <summary>
/// The half of the ledger contract that races: eight writers at once, exactly one claim, never more than the cap.
/// Every production ledger must pass it (DynamoDB, on dynalite; the in-memory one). moto 5.2.1's DynamoDB does not
/// serialize conditional writes (two concurrent claimers both win), so the moto leg runs the rest of the contract
/// only (README, "Independent references").
/// </summary>
public abstract class ConcurrentLedgerContractTests : LedgerContractTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ClaimAsync_EightConcurrentClaimers_ExactlyOneWinsEachRound(bool recordExists)
    {
        const int claimers = 8;
        for (var round = 0; round < 10; round++)
        {
            // A new fingerprint races on creating the record; a known one (released lease) on taking the lease.
            var fingerprint = $"fp-race-{round}";
            var earlier = 0;
            if (recordExists)
            {
                var lease = await ClaimLeaseAsync(fingerprint, "invocation-earlier");
                Assert.True(await Ledger.TryCompleteAsync(lease, FullOutcome, CancellationToken.None));
                earlier = 1;
            }

            var startGun = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var attempts = Enumerable.Range(0, claimers)
                .Select(claimer => Task.Run(async () =>
                {
                    await startGun.Task;
                    return await ClaimAsync(fingerprint, $"invocation-{claimer}");
                }))
                .ToList();
            startGun.SetResult();

            var results = await Task.WhenAll(attempts);

            var winner = Assert.Single(results, result => result.Claimed);
            var record = await GetRequiredAsync(fingerprint);
            Assert.Equal(winner.Lease, record.Lease);
            Assert.Equal(earlier + claimers, record.Occurrences);
            Assert.All(results.Where(result => !result.Claimed), loser => Assert.Equal(winner.Lease, loser.Record.Lease));
        }
    }

    [Theory]
    [InlineData(HourlyCap.Fixes)]
    [InlineData(HourlyCap.NewTickets)]
    public async Task TryConsumeAsync_EightConcurrentRequests_NeverExceedLimit(HourlyCap cap)
    {
        const int limit = 5;
        for (var round = 0; round < 5; round++)
        {
            var startGun = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var requests = Enumerable.Range(0, 8)
                .Select(_ => Task.Run(async () =>
                {
                    await startGun.Task;
                    return await Ledger.TryConsumeAsync(cap, limit, CancellationToken.None);
                }))
                .ToList();
            startGun.SetResult();

            var budgets = await Task.WhenAll(requests);

            Assert.Equal(limit, budgets.Count(budget => budget.Allowed));
            Assert.Equal(Enumerable.Range(1, limit).Select(count => (long)count), budgets.Where(b => b.Allowed).Select(b => b.CountThisHour).Order());
            Clock.Advance(TimeSpan.FromHours(1));
        }
    }

    [Fact]
    public async Task TryConsumeNotificationAsync_EightConcurrentRequests_AllowTheLimitAndOneSummary()
    {
        // Concurrent Lambda instances share the hour: the limit holds and exactly one of them owes the summary.
        const int limit = 3;
        for (var round = 0; round < 5; round++)
        {
            var startGun = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var requests = Enumerable.Range(0, 8)
                .Select(_ => Task.Run(async () =>
                {
                    await startGun.Task;
                    return await Ledger.TryConsumeNotificationAsync(limit, CancellationToken.None);
                }))
                .ToList();
            startGun.SetResult();

            var budgets = await Task.WhenAll(requests);

            Assert.Equal(limit, budgets.Count(budget => budget.Allowed));
            Assert.Single(budgets, budget => budget.SummaryDue);
            Assert.Equal(Enumerable.Range(1, 8).Select(count => (long)count), budgets.Select(b => b.NotificationsThisHour).Order());
            Assert.All(budgets, budget => Assert.Equal(budget.NotificationsThisHour <= limit, budget.Allowed));
            Clock.Advance(TimeSpan.FromHours(1));
        }
    }
}
