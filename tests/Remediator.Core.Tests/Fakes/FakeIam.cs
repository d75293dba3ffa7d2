using Remediator.Core.Ports;

namespace Remediator.Core.Tests.Fakes;

/// <summary>IAM's ListAccountAliases as a test sets it: an answer, a failure, or no answer until the caller gives up.</summary>
public sealed class FakeIam : IIamClient
{
    private int calls;

    /// <summary>The aliases answered.</summary>
    public IReadOnlyList<string> Aliases { get; set; } = [];

    /// <summary>Thrown instead of answering, when set.</summary>
    public Exception? Failure { get; set; }

    /// <summary>True: never answers; the call ends only when its token is cancelled.</summary>
    public bool Hangs { get; set; }

    /// <summary>How many times it was called.</summary>
    public int Calls => Volatile.Read(ref calls);

    public async Task<IReadOnlyList<string>> ListAccountAliasesAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref calls);
        if (Hangs)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }

        return Failure is { } failure ? throw failure : Aliases;
    }
}
