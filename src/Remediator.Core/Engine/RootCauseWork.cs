using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Ports;
using Remediator.Core.Verification;

namespace Remediator.Core.Engine;

/// <summary>
/// One root cause's way through a pass (one ledger key): the findings it stands for, its claim, what was
/// verified and decided, and what was done. Its findings share its outcome.
/// </summary>
internal sealed class RootCauseWork(string? key, FindingWork leader)
{
    /// <summary>The ledger key; null for findings that are never claimed (another account's logs).</summary>
    public string? Key { get; } = key;

    /// <summary>The findings, in batch order; the first one speaks for the root cause in notifications.</summary>
    public List<FindingWork> Members { get; } = [leader];

    public FindingWork Leader => Members[0];

    public LedgerLease? Lease { get; set; }

    /// <summary>The record as the claim left it (the previous passes' outcome).</summary>
    public LedgerRecord? Record { get; set; }

    /// <summary>The current decision; enforce-mode terms until the mode is applied.</summary>
    public Decision? Decision { get; set; }

    public ResolvedTarget? Target { get; set; }

    /// <summary>The plan the decision rests on: the grant, and the request the policy was judged for.</summary>
    public GrantPlan? Plan { get; set; }

    /// <summary>One plan per distinct request of the root cause; the policy must allow each of them.</summary>
    public IReadOnlyList<GrantPlan> Plans { get; set; } = [];

    /// <summary>What was read for the root cause as a whole (function, policy, tags, write).</summary>
    public List<string> Verified { get; } = [];

    /// <summary>True once AddPermission succeeded in this pass.</summary>
    public bool Wrote { get; set; }

    /// <summary>The statement Lambda stored, when <see cref="Wrote"/>.</summary>
    public string? StoredStatement { get; set; }

    /// <summary>True when an earlier attempt made the fix and this pass only reports it.</summary>
    public bool FixedEarlier { get; set; }

    /// <summary>True when this pass tried to write (for the attempt count, whether or not it succeeded).</summary>
    public bool TriedWrite { get; set; }

    /// <summary>True once the outcome is recorded (ledger completed or nothing to complete).</summary>
    public bool Finished { get; set; }

    /// <summary>Log events the root cause stands for in this batch.</summary>
    public long Occurrences => Members.Sum(member => (long)Math.Max(1, member.Finding.Occurrences));

    public ApiType ApiType => Target?.ApiType ?? Leader.Finding.ApiType;
}
