namespace Remediator.Core.Ports;

/// <summary>An Open or InProgress OpsItem as DescribeOpsItems lists it.</summary>
/// <param name="OpsItemId">Its id.</param>
/// <param name="Status"><c>Open</c> or <c>InProgress</c>.</param>
/// <param name="SearchableData">Its searchable operational data (values only).</param>
public sealed record OpenOpsItem(string OpsItemId, string Status, IReadOnlyDictionary<string, string> SearchableData);
