namespace Remediator.Core.Revert;

/// <summary>Everything one revert did or, in a dry run, would do.</summary>
/// <param name="Results">One per statement considered, in the order handled.</param>
/// <param name="Untouched">Statements of the named function's policy whose ids are not Remediator's: never considered.</param>
/// <param name="DryRun">True when nothing was written.</param>
public sealed record RevertReport(IReadOnlyList<RevertResult> Results, int Untouched, bool DryRun)
{
    /// <summary>With <c>--stale</c>: Remediator statements considered and found still in use, left in place.</summary>
    public int InUse { get; init; }

    /// <summary>True when every statement considered was reverted (or already gone, or would be).</summary>
    public bool Succeeded => Results.All(r => r.Succeeded);
}
