namespace Remediator.Core.Ports;

/// <summary>An exclusive, time-bounded right to act on one key.</summary>
/// <param name="Key">The root-cause key the lease covers.</param>
/// <param name="Holder">The invocation that holds it.</param>
/// <param name="ExpiresAt">After this instant anyone may claim the root-cause key again.</param>
public sealed record LedgerLease(string Key, string Holder, DateTimeOffset ExpiresAt);
