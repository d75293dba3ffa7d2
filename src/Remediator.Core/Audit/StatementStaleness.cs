namespace Remediator.Core.Audit;

/// <summary>Whether what a Remediator statement grants still exists.</summary>
public enum StalenessStatus
{
    /// <summary>The API, stage and a method, route or authorizer the statement covers exist.</summary>
    InUse,

    /// <summary>The control plane says its API, stage, or every method, route or authorizer it covers, no longer exists.</summary>
    Stale,

    /// <summary>Staleness could not be proven (a read was refused, throttled or not understood): treated as in use.</summary>
    Unproven,
}

/// <summary>The staleness of one statement and why, for people.</summary>
/// <param name="Status">What the control plane proved.</param>
/// <param name="Detail">The proof, or why there is none.</param>
public sealed record StatementStaleness(StalenessStatus Status, string Detail)
{
    /// <summary>True when the statement is proven stale.</summary>
    public bool IsStale => Status == StalenessStatus.Stale;
}
