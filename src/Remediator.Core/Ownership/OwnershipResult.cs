using Remediator.Core.Configuration;
using Remediator.Core.Decisions;

namespace Remediator.Core.Ownership;

/// <summary>Whether a function's owner has shown that an API may call it, which proof did, and how to opt in.</summary>
public sealed record OwnershipResult
{
    private OwnershipResult(bool isProven, OwnershipProofs proof, string detail, string? optIn, IReadOnlyList<string> optInCommands)
    {
        IsProven = isProven;
        Proof = proof;
        Detail = detail;
        OptIn = optIn;
        OptInCommands = optInCommands;
    }

    /// <summary>True when a grant may go ahead (a proof held, or none was asked for).</summary>
    public bool IsProven { get; }

    /// <summary>The proof that held: <see cref="OwnershipProofs.Stack"/> or <see cref="OwnershipProofs.Tag"/>;
    /// <see cref="OwnershipProofs.None"/> when unproven, or proven only because <c>REMEDIATOR_OWNERSHIP=none</c>.</summary>
    public OwnershipProofs Proof { get; }

    /// <summary>One sentence (lower-case start, no full stop, as <see cref="Decision.Detail"/>): what proved it, or what was missing.</summary>
    public string Detail { get; }

    /// <summary>When unproven: one sentence telling the function's owner how to opt in; null when proven.</summary>
    public string? OptIn { get; }

    /// <summary>When unproven: the exact AWS CLI commands that make the proof hold (none when only <c>stack</c> is accepted).</summary>
    public IReadOnlyList<string> OptInCommands { get; }

    /// <summary>What the engine decides when unproven: <c>Recommended(OwnershipUnproven)</c>; null when proven.</summary>
    public Decision? Refusal => IsProven ? null : new Decision(RemediationOutcome.Recommended, OutcomeReason.OwnershipUnproven, Detail);

    internal static OwnershipResult Proven(OwnershipProofs proof, string detail) => new(true, proof, detail, null, []);

    internal static OwnershipResult Unproven(string detail, string optIn, IReadOnlyList<string> commands) =>
        new(false, OwnershipProofs.None, detail, optIn, commands);
}
