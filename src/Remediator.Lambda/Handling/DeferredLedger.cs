using Remediator.Core.Ports;

namespace Remediator.Lambda.Handling;

/// <summary>
/// A ledger built on its first call. The DynamoDB ledger loads and configures the AWS SDK, which costs the
/// cold start tens of milliseconds; a batch that claims nothing (a CONTROL_MESSAGE, a batch without
/// findings) never needs it. <paramref name="create"/> runs once, under a lock, and adds whatever must be
/// disposed with the ledger to the collection it is given; <see cref="Dispose"/> disposes those.
/// </summary>
internal sealed class DeferredLedger(Func<ICollection<IDisposable>, ILedger> create) : ILedger, IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<IDisposable> _owned = [];
    private ILedger? _ledger;
    private bool _disposed;

    /// <summary>True once the first call has built the ledger.</summary>
    internal bool IsBuilt => Volatile.Read(ref _ledger) is not null;

    private ILedger Ledger
    {
        get
        {
            if (Volatile.Read(ref _ledger) is { } built)
            {
                return built;
            }

            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (_ledger is null)
                {
                    Volatile.Write(ref _ledger, create(_owned));
                }

                return _ledger!;
            }
        }
    }

    /// <inheritdoc />
    public Task<ClaimResult> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken) =>
        Ledger.ClaimAsync(request, cancellationToken);

    /// <inheritdoc />
    public Task<LedgerRecord?> GetAsync(string fingerprint, CancellationToken cancellationToken) =>
        Ledger.GetAsync(fingerprint, cancellationToken);

    /// <inheritdoc />
    public Task<bool> TryCompleteAsync(LedgerLease lease, LedgerOutcome outcome, CancellationToken cancellationToken) =>
        Ledger.TryCompleteAsync(lease, outcome, cancellationToken);

    /// <inheritdoc />
    public Task<bool> TryReleaseAsync(LedgerLease lease, CancellationToken cancellationToken) =>
        Ledger.TryReleaseAsync(lease, cancellationToken);

    /// <inheritdoc />
    public Task<FixBudget> TryConsumeFixAsync(int maxFixesPerHour, CancellationToken cancellationToken) =>
        Ledger.TryConsumeFixAsync(maxFixesPerHour, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<LedgerRecord> ListAsync(CancellationToken cancellationToken) =>
        Ledger.ListAsync(cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (IDisposable owned in _owned)
            {
                owned.Dispose();
            }
        }
    }
}
