using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Verification;

namespace Remediator.Core.Engine;

/// <summary>A finding as the control plane resolved it: what served its request, its root-cause key, and what was read for it alone.</summary>
internal sealed record ResolvedFinding
{
    /// <summary>The finding as diagnosed.</summary>
    public required Finding Finding { get; init; }

    /// <summary>Its position among the batch's findings (and in the result's outcomes).</summary>
    public required int Index { get; init; }

    /// <summary>What the logs say about the request: the finding, or its re-diagnosis from fetched context lines.</summary>
    public required Finding Request { get; init; }

    /// <summary>The root-cause key (<see cref="RootCauseKey"/>); null when the finding is never claimed (see <see cref="Refusal"/>).</summary>
    public string? Key { get; init; }

    /// <summary>The one target its request resolved to.</summary>
    public ResolvedTarget? Target { get; init; }

    /// <summary>A stage sweep's candidates, when the request was not known; judged after the claim.</summary>
    public Resolution? Sweep { get; init; }

    /// <summary>A ticket known before any claim: a kind no grant fixes, or a resolution that failed.</summary>
    public Decision? Ticket { get; init; }

    /// <summary>Why the finding ends before any claim (its lines do not come from where API Gateway writes them); null when it goes on.</summary>
    public Decision? Refusal { get; init; }

    /// <summary>What was read for this finding alone: fetched context, the resolution trail.</summary>
    public IReadOnlyList<string> Verified { get; init; } = [];

    /// <summary>The function the logged endpoint URI names (a hint).</summary>
    public string? LoggedFunctionArn => Request.FunctionArn ?? Finding.FunctionArn;

    /// <summary>A finding nothing was resolved for.</summary>
    public static ResolvedFinding Unresolved(Finding finding, int index, string? key = null) =>
        new() { Finding = finding, Index = index, Request = finding, Key = key };
}
