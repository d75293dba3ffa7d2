namespace Remediator.Core.Ports;

/// <summary>What a claim found: whether the lease is ours, and the record after the sighting was counted.</summary>
/// <param name="Claimed"><c>true</c> when the caller now holds the lease.</param>
/// <param name="Record">The record as it stands after this claim; its <see cref="LedgerRecord.Lease"/> names the holder.</param>
public sealed record ClaimResult(bool Claimed, LedgerRecord Record)
{
    /// <summary>The lease to pass to completion or release; <c>null</c> when the claim was lost.</summary>
    public LedgerLease? Lease => Claimed ? Record.Lease : null;
}
