namespace Remediator.Core.Ports;

/// <summary>An exclusive, time-bounded right to act on one fingerprint.</summary>
/// <param name="Fingerprint">The fingerprint the lease covers.</param>
/// <param name="Owner">The invocation that holds it.</param>
/// <param name="ExpiresAt">After this instant anyone may claim the fingerprint again.</param>
public sealed record LedgerLease(string Fingerprint, string Owner, DateTimeOffset ExpiresAt);
