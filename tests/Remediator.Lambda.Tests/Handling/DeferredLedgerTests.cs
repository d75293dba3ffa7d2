using Remediator.Core.Ledger;
using Remediator.Lambda.Handling;

namespace Remediator.Lambda.Tests.Handling;

public sealed class DeferredLedgerTests
{
    [Fact]
    public async Task Calls_BuildTheLedgerOnceAndPassThrough()
    {
        int built = 0;
        var inner = new InMemoryLedger(TimeProvider.System);
        using var ledger = new DeferredLedger(_ =>
        {
            built++;
            return inner;
        });
        Assert.False(ledger.IsBuilt);

        Assert.Null(await ledger.GetAsync("fingerprint", CancellationToken.None));
        Assert.True((await ledger.TryConsumeFixAsync(5, CancellationToken.None)).Allowed);

        Assert.True(ledger.IsBuilt);
        Assert.Equal(1, built);
        Assert.Equal(2, (await inner.TryConsumeFixAsync(5, CancellationToken.None)).FixesThisHour);
    }

    [Fact]
    public async Task Dispose_DisposesWhatTheBuildOwns()
    {
        var client = new RecordingDisposable();
        var ledger = new DeferredLedger(owned =>
        {
            owned.Add(client);
            return new InMemoryLedger(TimeProvider.System);
        });
        Assert.Null(await ledger.GetAsync("fingerprint", CancellationToken.None));

        ledger.Dispose();

        Assert.True(client.Disposed);
    }

    [Fact]
    public async Task Disposed_RefusesCallsAndBuildsNothing()
    {
        var ledger = new DeferredLedger(_ => throw new InvalidOperationException("must not be built"));

        ledger.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => ledger.GetAsync("fingerprint", CancellationToken.None));
        Assert.False(ledger.IsBuilt);
    }

    private sealed class RecordingDisposable : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }
}
