using System.Text.Json.Serialization;

namespace Remediator.Aws.Ssm;

/// <summary>The <c>/aws/dedup</c> value.</summary>
internal sealed record DedupValue([property: JsonPropertyName("dedupString")] string DedupString);

/// <summary>One entry of the <c>/aws/resources</c> value.</summary>
internal sealed record ResourceReference([property: JsonPropertyName("arn")] string Arn);

/// <summary>The value of a DescribeOpsItems <c>OperationalData</c> filter.</summary>
internal sealed record DataFilterValue(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("value")] string Value);

/// <summary>Source-generated serialization for the JSON values OpsCenter keeps inside strings.</summary>
[JsonSerializable(typeof(DedupValue))]
[JsonSerializable(typeof(List<ResourceReference>))]
[JsonSerializable(typeof(DataFilterValue))]
internal sealed partial class SsmJsonContext : JsonSerializerContext;
