namespace Remediator.Core.Ports;

/// <summary>An UpdateOpsItem call that leaves the status alone: the text is already cleaned and within bounds.</summary>
/// <param name="OpsItemId">The OpsItem.</param>
/// <param name="Description">The new description (Markdown, 1-2048 characters).</param>
/// <param name="OperationalData">Keys to add or replace.</param>
public sealed record OpsItemUpdate(string OpsItemId, string Description, IReadOnlyDictionary<string, OpsItemData> OperationalData);
