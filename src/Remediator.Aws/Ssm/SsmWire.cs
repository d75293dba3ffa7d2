using System.Text.Json.Serialization;

namespace Remediator.Aws.Ssm;

/// <summary>An OperationalData value.</summary>
internal sealed record OpsItemDataValue(
    [property: JsonPropertyName("Value")] string Value,
    [property: JsonPropertyName("Type")] string Type);

/// <summary>CreateOpsItem body.</summary>
internal sealed record CreateOpsItemBody(
    [property: JsonPropertyName("Title")] string Title,
    [property: JsonPropertyName("Description")] string Description,
    [property: JsonPropertyName("Source")] string Source,
    [property: JsonPropertyName("Severity")] string? Severity,
    [property: JsonPropertyName("Category")] string? Category,
    [property: JsonPropertyName("OperationalData")] Dictionary<string, OpsItemDataValue>? OperationalData);

/// <summary>CreateOpsItem answer, and the OpsItemAlreadyExistsException body (which names the existing item).</summary>
internal sealed record OpsItemIdResponse([property: JsonPropertyName("OpsItemId")] string? OpsItemId);

/// <summary>The <c>/aws/dedup</c> value.</summary>
internal sealed record DedupValue([property: JsonPropertyName("dedupString")] string DedupString);

/// <summary>One entry of the <c>/aws/resources</c> value.</summary>
internal sealed record ResourceReference([property: JsonPropertyName("arn")] string Arn);

/// <summary>A DescribeOpsItems filter.</summary>
internal sealed record OpsItemFilterDto(
    [property: JsonPropertyName("Key")] string Key,
    [property: JsonPropertyName("Values")] IReadOnlyList<string> Values,
    [property: JsonPropertyName("Operator")] string Operator);

/// <summary>DescribeOpsItems body.</summary>
internal sealed record DescribeOpsItemsBody(
    [property: JsonPropertyName("OpsItemFilters")] List<OpsItemFilterDto> OpsItemFilters,
    [property: JsonPropertyName("MaxResults")] int MaxResults,
    [property: JsonPropertyName("NextToken")] string? NextToken);

/// <summary>DescribeOpsItems answer.</summary>
internal sealed record DescribeOpsItemsResponse(
    [property: JsonPropertyName("OpsItemSummaries")] List<OpsItemSummaryDto>? OpsItemSummaries,
    [property: JsonPropertyName("NextToken")] string? NextToken);

/// <summary>One listed OpsItem.</summary>
internal sealed record OpsItemSummaryDto(
    [property: JsonPropertyName("OpsItemId")] string? OpsItemId,
    [property: JsonPropertyName("Title")] string? Title,
    [property: JsonPropertyName("Status")] string? Status,
    [property: JsonPropertyName("Source")] string? Source,
    [property: JsonPropertyName("Severity")] string? Severity,
    [property: JsonPropertyName("Category")] string? Category);

/// <summary>UpdateOpsItem body.</summary>
internal sealed record UpdateOpsItemBody(
    [property: JsonPropertyName("OpsItemId")] string OpsItemId,
    [property: JsonPropertyName("Status")] string? Status,
    [property: JsonPropertyName("Description")] string? Description,
    [property: JsonPropertyName("OperationalData")] Dictionary<string, OpsItemDataValue>? OperationalData);

/// <summary>Source-generated serialization for the SSM wire DTOs.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateOpsItemBody))]
[JsonSerializable(typeof(OpsItemIdResponse))]
[JsonSerializable(typeof(DedupValue))]
[JsonSerializable(typeof(List<ResourceReference>))]
[JsonSerializable(typeof(DescribeOpsItemsBody))]
[JsonSerializable(typeof(DescribeOpsItemsResponse))]
[JsonSerializable(typeof(UpdateOpsItemBody))]
internal sealed partial class SsmJsonContext : JsonSerializerContext;
