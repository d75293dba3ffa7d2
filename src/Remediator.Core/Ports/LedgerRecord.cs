namespace Remediator.Core.Ports;

/// <summary>Everything the ledger knows about one root-cause key.</summary>
public sealed record LedgerRecord
{
    /// <summary>The root cause's stable identity.</summary>
    public required string Key { get; init; }

    /// <summary>The latest completed pass's outcome (<see cref="LedgerOutcome.Pending"/> before the first).</summary>
    public required LedgerOutcome Outcome { get; init; }

    /// <summary>First sighting since the record was created (or recreated after expiry).</summary>
    public required DateTimeOffset FirstSeen { get; init; }

    /// <summary>Latest sighting.</summary>
    public required DateTimeOffset LastSeen { get; init; }

    /// <summary>Log events counted over all sightings (a retried invocation counts its batch again).</summary>
    public required long Occurrences { get; init; }

    /// <summary>The current or last lease; <c>null</c> once released. Free when expired.</summary>
    public LedgerLease? Lease { get; init; }

    /// <summary>When the store may delete the record (whole seconds; DynamoDB TTL). Refreshed by every write.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }
}
