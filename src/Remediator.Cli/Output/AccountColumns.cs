using System.Text.Json.Serialization;

namespace Remediator.Cli.Output;

/// <summary>
/// The account and region an item of an account-wide report (<c>--accounts</c>) belongs to, written first; absent from a
/// single-account report, whose items all belong to the one account.
/// </summary>
internal abstract record AccountColumns
{
    [JsonPropertyName("account")]
    [JsonPropertyOrder(-2)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Account { get; init; }

    [JsonPropertyName("region")]
    [JsonPropertyOrder(-1)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Region { get; init; }
}
