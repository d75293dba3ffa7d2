using System.Text.Json.Serialization;

namespace Remediator.Sandbox.Ssm;

// OpsCenter request and response members (botocore's ssm model).

internal sealed record CreateOpsItemRequest
{
    [JsonPropertyName("Title")] public string? Title { get; init; }
    [JsonPropertyName("Description")] public string? Description { get; init; }
    [JsonPropertyName("Source")] public string? Source { get; init; }
    [JsonPropertyName("Severity")] public string? Severity { get; init; }
    [JsonPropertyName("Category")] public string? Category { get; init; }
    [JsonPropertyName("Priority")] public int? Priority { get; init; }
    [JsonPropertyName("OpsItemType")] public string? OpsItemType { get; init; }
    [JsonPropertyName("OperationalData")] public Dictionary<string, OpsItemDataValue>? OperationalData { get; init; }
    [JsonPropertyName("Notifications")] public List<OpsItemNotification>? Notifications { get; init; }
    [JsonPropertyName("Tags")] public List<OpsItemTag>? Tags { get; init; }
}

internal sealed record CreateOpsItemResponse(
    [property: JsonPropertyName("OpsItemId")] string OpsItemId,
    [property: JsonPropertyName("OpsItemArn")] string OpsItemArn);

internal sealed record OpsItemFilter(
    [property: JsonPropertyName("Key")] string? Key,
    [property: JsonPropertyName("Values")] List<string>? Values,
    [property: JsonPropertyName("Operator")] string? Operator);

internal sealed record DescribeOpsItemsRequest
{
    [JsonPropertyName("OpsItemFilters")] public List<OpsItemFilter>? OpsItemFilters { get; init; }
    [JsonPropertyName("MaxResults")] public int? MaxResults { get; init; }
    [JsonPropertyName("NextToken")] public string? NextToken { get; init; }
}

internal sealed record DescribeOpsItemsResponse(
    [property: JsonPropertyName("OpsItemSummaries")] IReadOnlyList<OpsItemSummary> OpsItemSummaries,
    [property: JsonPropertyName("NextToken")] string? NextToken);

internal sealed record GetOpsItemRequest
{
    [JsonPropertyName("OpsItemId")] public string? OpsItemId { get; init; }
    [JsonPropertyName("OpsItemArn")] public string? OpsItemArn { get; init; }
}

internal sealed record GetOpsItemResponse([property: JsonPropertyName("OpsItem")] OpsItem OpsItem);

internal sealed record UpdateOpsItemRequest
{
    [JsonPropertyName("OpsItemId")] public string? OpsItemId { get; init; }
    [JsonPropertyName("Title")] public string? Title { get; init; }
    [JsonPropertyName("Description")] public string? Description { get; init; }
    [JsonPropertyName("Status")] public string? Status { get; init; }
    [JsonPropertyName("Severity")] public string? Severity { get; init; }
    [JsonPropertyName("Category")] public string? Category { get; init; }
    [JsonPropertyName("Priority")] public int? Priority { get; init; }
    [JsonPropertyName("OperationalData")] public Dictionary<string, OpsItemDataValue>? OperationalData { get; init; }
    [JsonPropertyName("OperationalDataToDelete")] public List<string>? OperationalDataToDelete { get; init; }
    [JsonPropertyName("Notifications")] public List<OpsItemNotification>? Notifications { get; init; }
}
