using Remediator.Core.Tests.Fakes;
using static Remediator.Core.Tests.Engine.EngineWorld;

namespace Remediator.Core.Tests.Engine;

/// <summary>Every ledger write of a pass takes the invocation's cancellation, so a hanging ledger cannot hold it past its deadline.</summary>
public class RemediationEngineDeadlineTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ProcessAsync_OutcomeWriteHangsWhenTheDeadlineCancels_StopsWithinTheCleanupGrace()
    {
        var world = new EngineWorld().WithPetsApi();
        var ledger = new HangingLedger(world.Ledger);
        world.Ledger = ledger;
        using var deadline = new CancellationTokenSource();
        ledger.OnEndLease = deadline.Cancel;

        Task run = world.Engine().ProcessAsync(RestBatch(RestFailure("req-1", "GET", "/pets/42", Pets)), "invocation-1", deadline.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Guard));
        Assert.Equal(1, ledger.HungWrites);
        Assert.Single(world.Lambda.Statements(Pets));
    }

    [Fact]
    public async Task ProcessAsync_FailedPassRecordHangs_StopsWithinTheCleanupGrace()
    {
        var world = new EngineWorld().WithPetsApi();
        var ledger = new HangingLedger(world.Ledger);
        world.Ledger = ledger;
        using var deadline = new CancellationTokenSource();
        world.Lambda.BeforeAddPermission = _ =>
        {
            deadline.Cancel();
            deadline.Token.ThrowIfCancellationRequested();
        };

        Task run = world.Engine().ProcessAsync(RestBatch(RestFailure("req-1", "GET", "/pets/42", Pets)), "invocation-1", deadline.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Guard));
        Assert.Equal(1, ledger.HungWrites);
    }
}
