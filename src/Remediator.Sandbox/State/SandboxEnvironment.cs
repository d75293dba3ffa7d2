using System.Collections.Concurrent;
using Remediator.Sandbox.Logs;

namespace Remediator.Sandbox.State;

/// <summary>Everything an operation needs besides the request: state, clock, ids, account and region.</summary>
internal sealed class SandboxEnvironment(SandboxState state, TimeProvider clock, IdGenerator ids, string accountId, string region)
{
    public SandboxState State { get; } = state;

    public TimeProvider Clock { get; } = clock;

    public IdGenerator Ids { get; } = ids;

    public string AccountId { get; } = accountId;

    public string Region { get; } = region;

    /// <summary>The state's data; only touch it with <see cref="SandboxState.Gate"/> held.</summary>
    public SandboxData Data => State.Data;

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>Now, truncated to whole seconds as AWS's ISO-8601 dates are.</summary>
    public DateTimeOffset NowSeconds => DateTimeOffset.FromUnixTimeSeconds(Now.ToUnixTimeSeconds());

    /// <summary>
    /// Log events written under the lock, waiting to be delivered to subscribers once it is released
    /// (subscribers may call back into the sandbox).
    /// </summary>
    public ConcurrentQueue<WrittenEvents> Outbox { get; } = new();
}
