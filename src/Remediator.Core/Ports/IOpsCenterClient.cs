namespace Remediator.Core.Ports;

/// <summary>Tickets as Systems Manager OpsCenter OpsItems.</summary>
public interface IOpsCenterClient
{
    /// <summary>
    /// Creates an OpsItem. When an open OpsItem with the same dedup string exists, SSM refuses and names it:
    /// that is returned with <see cref="OpsItemCreated.AlreadyExisted"/> set.
    /// </summary>
    Task<OpsItemCreated> CreateOpsItemAsync(OpsItemDraft draft, CancellationToken cancellationToken);

    /// <summary>OpsItems matching all filters (every page, up to <paramref name="maxItems"/>).</summary>
    Task<IReadOnlyList<OpsItemSummary>> DescribeOpsItemsAsync(IReadOnlyList<OpsItemFilter> filters, int maxItems, CancellationToken cancellationToken);

    /// <summary>Updates status and/or description and/or adds operational data.</summary>
    Task UpdateOpsItemAsync(OpsItemUpdate update, CancellationToken cancellationToken);
}

/// <summary>A new OpsItem.</summary>
/// <param name="Title">Title (1-1024 characters).</param>
/// <param name="Description">Description (Markdown).</param>
/// <param name="Source">Origin; must not contain aws, amazon or amzn.</param>
/// <param name="Severity"><c>1</c> (critical) to <c>4</c> (low), or null.</param>
/// <param name="Category">e.g. <c>Availability</c>, <c>Configuration</c>, or null.</param>
/// <param name="DedupString">Written to <c>/aws/dedup</c> so repeats are refused while the first is open.</param>
/// <param name="ResourceArns">Written to <c>/aws/resources</c>.</param>
/// <param name="OperationalData">More searchable key/values.</param>
public sealed record OpsItemDraft(
    string Title,
    string Description,
    string Source,
    string? Severity = null,
    string? Category = null,
    string? DedupString = null,
    IReadOnlyList<string>? ResourceArns = null,
    IReadOnlyDictionary<string, string>? OperationalData = null);

/// <summary>Result of CreateOpsItem.</summary>
public sealed record OpsItemCreated(string OpsItemId, bool AlreadyExisted);

/// <summary>A DescribeOpsItems filter, e.g. <c>("Status", ["Open"], "Equal")</c>.</summary>
public sealed record OpsItemFilter(string Key, IReadOnlyList<string> Values, string Operator = "Equal");

/// <summary>An OpsItem as listed.</summary>
public sealed record OpsItemSummary(string OpsItemId, string Title, string Status, string Source, string? Severity, string? Category);

/// <summary>An UpdateOpsItem call; null members are left unchanged.</summary>
public sealed record OpsItemUpdate(
    string OpsItemId,
    string? Status = null,
    string? Description = null,
    IReadOnlyDictionary<string, string>? OperationalData = null);
