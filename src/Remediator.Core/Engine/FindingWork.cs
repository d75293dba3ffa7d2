using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Ports;
using Remediator.Core.Verification;

namespace Remediator.Core.Engine;

/// <summary>One finding's way through a pass: its claim, what was verified, the decision and what was done.</summary>
internal sealed class FindingWork(Finding finding)
{
    public Finding Finding { get; } = finding;

    /// <summary>What the logs say about the request: the finding, or its re-diagnosis from fetched context lines.</summary>
    public Finding Request { get; set; } = finding;

    public LedgerLease? Lease { get; set; }

    /// <summary>The record as the claim left it (the previous passes' outcome).</summary>
    public LedgerRecord? Record { get; set; }

    /// <summary>The current decision; enforce-mode terms until the mode is applied.</summary>
    public Decision? Decision { get; set; }

    public ResolvedTarget? Target { get; set; }

    public GrantPlan? Plan { get; set; }

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

    public ApiType ApiType => Target?.ApiType ?? Finding.ApiType;
}
