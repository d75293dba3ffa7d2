namespace Remediator.Core.Ports;

/// <summary>One operational data value (at most 20 KB).</summary>
/// <param name="Value">The value.</param>
/// <param name="Searchable">
/// <c>SearchableString</c>: every user who may list OpsItems sees and searches it (DescribeOpsItems returns it);
/// otherwise <c>String</c>, shown only to who may read the OpsItem.
/// </param>
public sealed record OpsItemData(string Value, bool Searchable = false);
