namespace Remediator.Core.Ports;

/// <summary>What CreateOpsItem did.</summary>
/// <param name="OpsItemId">The new OpsItem, or the open one that deduplicated it (null when OpsCenter did not name it).</param>
/// <param name="AlreadyExisted">True when nothing was created because an open OpsItem has the same dedup string.</param>
public sealed record OpsItemCreated(string? OpsItemId, bool AlreadyExisted);
