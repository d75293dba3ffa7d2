using Remediator.Core.Ports;

namespace Remediator.Core.Engine;

/// <summary>A lease held on a root cause, with its record as the claim found it (the previous passes' outcome).</summary>
internal sealed record Claim(LedgerLease Lease, LedgerRecord Record);
