namespace Remediator.Core.Engine;

/// <summary>Values of <see cref="Ports.LedgerOutcome.LastAction"/> the engine writes and reads back.</summary>
internal static class LedgerActions
{
    /// <summary>The permission was added and its notification published (or no topic is configured).</summary>
    public const string AddPermission = "AddPermission";

    /// <summary>The permission was added but publishing its notification failed: the next pass publishes it.</summary>
    public const string AddPermissionUnnotified = "AddPermissionUnnotified";

    /// <summary>A recommendation or ticket was published.</summary>
    public const string Notify = "Notify";

    /// <summary>Nothing was written or published.</summary>
    public const string None = "None";
}
