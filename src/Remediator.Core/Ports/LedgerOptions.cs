namespace Remediator.Core.Ports;

/// <summary>How long the ledger keeps what it writes.</summary>
public sealed record LedgerOptions
{
    /// <summary>The defaults: records live 90 days past their last write, hourly counters 2 days past their hour.</summary>
    public static LedgerOptions Default { get; } = new();

    /// <summary>A record expires this long after its last write (sighting or completion).</summary>
    public TimeSpan RecordRetention { get; init; } = TimeSpan.FromDays(90);

    /// <summary>An hourly counter expires this long after its hour starts; only the current hour is ever read.</summary>
    public TimeSpan CounterRetention { get; init; } = TimeSpan.FromDays(2);
}
