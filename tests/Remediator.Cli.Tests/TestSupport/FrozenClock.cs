namespace Remediator.Cli.Tests.TestSupport;

/// <summary>A clock whose wall time stands still while its timers and stopwatch stay real: shows which clock a
/// command used without stalling a retry or a settle delay.</summary>
internal sealed class FrozenClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
