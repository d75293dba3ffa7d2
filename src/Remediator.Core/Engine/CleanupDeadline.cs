namespace Remediator.Core.Engine;

/// <summary>
/// A token for writes that record what already happened (an outcome, a released lease): not cancelled while the
/// work goes on, and cancelled <see cref="EngineOptions.CleanupGrace"/> after the work's own token, so the record
/// is still attempted once the deadline has cancelled the work, yet never holds the invocation past its deadline.
/// </summary>
internal sealed class CleanupDeadline : IDisposable
{
    private readonly Lock gate = new();
    private readonly CancellationTokenSource source = new();
    private readonly TimeSpan grace;
    private readonly TimeProvider time;
    private readonly CancellationTokenRegistration registration;
    private bool disposed;

    public CleanupDeadline(CancellationToken work, TimeSpan grace, TimeProvider time)
    {
        this.grace = grace;
        this.time = time;

        // Runs at once when the work is already cancelled.
        registration = work.Register(static state => _ = ((CleanupDeadline)state!).CancelAfterGraceAsync(), this);
    }

    public CancellationToken Token => source.Token;

    public void Dispose()
    {
        registration.Dispose();
        lock (gate)
        {
            disposed = true;
            source.Dispose();
        }
    }

    private async Task CancelAfterGraceAsync()
    {
        await Task.Delay(grace, time).ConfigureAwait(false);
        lock (gate)
        {
            if (!disposed)
            {
                source.Cancel();
            }
        }
    }
}
