using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Verification;

namespace Remediator.Core.Engine;

/// <summary>
/// One finding's part of a pass: what the logs say about its request and what the control plane resolved
/// it to. Everything decided after that belongs to its <see cref="RootCauseWork"/>.
/// </summary>
internal sealed class FindingWork(Finding finding, int index)
{
    public Finding Finding { get; } = finding;

    /// <summary>Its position among the batch's findings (and in the result's outcomes).</summary>
    public int Index { get; } = index;

    /// <summary>What the logs say about the request: the finding, or its re-diagnosis from fetched context lines.</summary>
    public Finding Request { get; set; } = finding;

    /// <summary>The ledger key of its root cause (<see cref="LedgerKey"/>); null when it was never keyed.</summary>
    public string? Key { get; set; }

    /// <summary>The one target its request resolved to, with the logged request it was matched from.</summary>
    public ResolvedTarget? Target { get; set; }

    /// <summary>A stage sweep's candidates, when the request was not known; decided after the claim.</summary>
    public Resolution? Sweep { get; set; }

    /// <summary>A ticket known before any claim: a kind no grant fixes, or a resolution that failed.</summary>
    public Decision? Ticket { get; set; }

    /// <summary>The plan for its own request (its request source ARN; the grant is its root cause's).</summary>
    public GrantPlan? Plan { get; set; }

    /// <summary>What was read for this finding alone: fetched context, the resolution trail.</summary>
    public List<string> Verified { get; } = [];

    /// <summary>The function the logged endpoint URI names (a hint).</summary>
    public string? LoggedFunctionArn => Request.FunctionArn ?? Finding.FunctionArn;
}
