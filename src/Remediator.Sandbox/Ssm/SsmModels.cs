using System.Text.Json.Serialization;

namespace Remediator.Sandbox.Ssm;

// OpsCenter entities (JSON 1.1, PascalCase members; times are epoch seconds).

internal sealed record OpsItemDataValue(
    [property: JsonPropertyName("Value")] string? Value,
    [property: JsonPropertyName("Type")] string? Type);

internal sealed record OpsItemNotification([property: JsonPropertyName("Arn")] string? Arn);

internal sealed record OpsItemTag(
    [property: JsonPropertyName("Key")] string? Key,
    [property: JsonPropertyName("Value")] string? Value);

internal sealed record OpsItem
{
    [JsonPropertyName("OpsItemId")] public required string OpsItemId { get; init; }
    [JsonPropertyName("OpsItemArn")] public required string OpsItemArn { get; init; }
    [JsonPropertyName("Title")] public required string Title { get; init; }
    [JsonPropertyName("Description")] public required string Description { get; init; }
    [JsonPropertyName("Source")] public required string Source { get; init; }
    [JsonPropertyName("Status")] public string Status { get; init; } = "Open";
    [JsonPropertyName("Severity")] public string? Severity { get; init; }
    [JsonPropertyName("Category")] public string? Category { get; init; }
    [JsonPropertyName("Priority")] public int? Priority { get; init; }
    [JsonPropertyName("OpsItemType")] public string? OpsItemType { get; init; }
    [JsonPropertyName("OperationalData")] public IReadOnlyDictionary<string, OpsItemDataValue> OperationalData { get; init; } = new Dictionary<string, OpsItemDataValue>();
    [JsonPropertyName("Notifications")] public IReadOnlyList<OpsItemNotification>? Notifications { get; init; }
    [JsonPropertyName("Tags")] public IReadOnlyList<OpsItemTag>? Tags { get; init; }
    [JsonPropertyName("CreatedBy")] public required string CreatedBy { get; init; }
    [JsonPropertyName("CreatedTime")] public double CreatedTime { get; init; }
    [JsonPropertyName("LastModifiedBy")] public required string LastModifiedBy { get; init; }
    [JsonPropertyName("LastModifiedTime")] public double LastModifiedTime { get; init; }
}

internal sealed record OpsItemSummary
{
    [JsonPropertyName("OpsItemId")] public required string OpsItemId { get; init; }
    [JsonPropertyName("Title")] public required string Title { get; init; }
    [JsonPropertyName("Source")] public required string Source { get; init; }
    [JsonPropertyName("Status")] public required string Status { get; init; }
    [JsonPropertyName("Severity")] public string? Severity { get; init; }
    [JsonPropertyName("Category")] public string? Category { get; init; }
    [JsonPropertyName("Priority")] public int? Priority { get; init; }
    [JsonPropertyName("OpsItemType")] public string? OpsItemType { get; init; }
    [JsonPropertyName("OperationalData")] public required IReadOnlyDictionary<string, OpsItemDataValue> OperationalData { get; init; }
    [JsonPropertyName("CreatedBy")] public required string CreatedBy { get; init; }
    [JsonPropertyName("CreatedTime")] public double CreatedTime { get; init; }
    [JsonPropertyName("LastModifiedBy")] public required string LastModifiedBy { get; init; }
    [JsonPropertyName("LastModifiedTime")] public double LastModifiedTime { get; init; }

    public static OpsItemSummary From(OpsItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new OpsItemSummary
        {
            OpsItemId = item.OpsItemId, Title = item.Title, Source = item.Source, Status = item.Status,
            Severity = item.Severity, Category = item.Category, Priority = item.Priority, OpsItemType = item.OpsItemType,
            // A summary carries only searchable data; String values are for who may read the item (GetOpsItem).
            OperationalData = item.OperationalData.Where(entry => entry.Value.Type == "SearchableString").ToDictionary(entry => entry.Key, entry => entry.Value, StringComparer.Ordinal),
            CreatedBy = item.CreatedBy, CreatedTime = item.CreatedTime,
            LastModifiedBy = item.LastModifiedBy, LastModifiedTime = item.LastModifiedTime,
        };
    }
}
