namespace Remediator.Core.Ports;

/// <summary>One entry of the ledger's list of root causes that may owe a notification (see <see cref="ILedger.ListOwedAsync"/>).</summary>
/// <param name="Key">The root-cause key whose record holds the owed notification.</param>
/// <param name="Token">Changes whenever the entry is written again, so forgetting it never drops a newer debt.</param>
public sealed record OwedEntry(string Key, string Token);
