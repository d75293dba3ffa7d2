using System.Text.Json;
using Remediator.Aws.Endpoints;
using Remediator.Aws.Http;
using Remediator.Core.Ports;

namespace Remediator.Aws.Ssm;

/// <summary>SSM OpsCenter over JSON 1.1 (target prefix <c>AmazonSSM</c>).</summary>
public sealed class OpsCenterClient(AwsHttpClient http) : IOpsCenterClient
{
    private const string TargetPrefix = "AmazonSSM";
    private const string SearchableString = "SearchableString";

    /// <summary>The service's upper bound for DescribeOpsItems <c>MaxResults</c>.</summary>
    public const int MaxPageSize = 50;

    /// <inheritdoc />
    public async Task<OpsItemCreated> CreateOpsItemAsync(OpsItemDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Source.Contains("aws", StringComparison.OrdinalIgnoreCase)
            || draft.Source.Contains("amazon", StringComparison.OrdinalIgnoreCase)
            || draft.Source.Contains("amzn", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("OpsItem Source must not contain 'aws', 'amazon' or 'amzn'.", nameof(draft));
        }

        var data = OperationalData(draft.OperationalData);
        if (draft.DedupString is { } dedup)
        {
            data ??= [];
            data["/aws/dedup"] = new(JsonSerializer.Serialize(new DedupValue(dedup), SsmJsonContext.Default.DedupValue), SearchableString);
        }

        if (draft.ResourceArns is { Count: > 0 } arns)
        {
            data ??= [];
            data["/aws/resources"] = new(JsonSerializer.Serialize(arns.Select(a => new ResourceReference(a)).ToList(), SsmJsonContext.Default.ListResourceReference), SearchableString);
        }

        var body = new CreateOpsItemBody(draft.Title, draft.Description, draft.Source, draft.Severity, draft.Category, data);
        var request = AwsJson.JsonProtocolRequest(AwsService.Ssm, TargetPrefix, "1.1", "CreateOpsItem", body, SsmJsonContext.Default.CreateOpsItemBody);
        var response = await http.SendRawAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Error is { } error)
        {
            // A duplicate is refused with the existing item's id in the error body: that is the ticket.
            if (error.Is(AwsErrorCodes.OpsItemAlreadyExists) && TryReadId(response) is { } existing)
            {
                return new OpsItemCreated(existing, AlreadyExisted: true);
            }

            throw error;
        }

        var id = AwsJson.Deserialize(response, SsmJsonContext.Default.OpsItemIdResponse).OpsItemId
            ?? throw new InvalidDataException("CreateOpsItem answer lacks 'OpsItemId'.");
        return new OpsItemCreated(id, AlreadyExisted: false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OpsItemSummary>> DescribeOpsItemsAsync(IReadOnlyList<OpsItemFilter> filters, int maxItems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxItems, 1);
        var dtoFilters = filters.Select(f => new OpsItemFilterDto(f.Key, f.Values, f.Operator)).ToList();
        var items = new List<OpsItemSummary>();
        string? nextToken = null;
        do
        {
            var body = new DescribeOpsItemsBody(dtoFilters, Math.Min(MaxPageSize, maxItems - items.Count), nextToken);
            var request = AwsJson.JsonProtocolRequest(AwsService.Ssm, TargetPrefix, "1.1", "DescribeOpsItems", body, SsmJsonContext.Default.DescribeOpsItemsBody);
            var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var page = AwsJson.Deserialize(response, SsmJsonContext.Default.DescribeOpsItemsResponse);
            items.AddRange((page.OpsItemSummaries ?? [])
                .Take(maxItems - items.Count)
                .Select(s => new OpsItemSummary(s.OpsItemId ?? string.Empty, s.Title ?? string.Empty, s.Status ?? string.Empty, s.Source ?? string.Empty, s.Severity, s.Category)));
            nextToken = page.NextToken;
        }
        while (!string.IsNullOrEmpty(nextToken) && items.Count < maxItems);

        return items;
    }

    /// <inheritdoc />
    public async Task UpdateOpsItemAsync(OpsItemUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var body = new UpdateOpsItemBody(update.OpsItemId, update.Status, update.Description, OperationalData(update.OperationalData));
        var request = AwsJson.JsonProtocolRequest(AwsService.Ssm, TargetPrefix, "1.1", "UpdateOpsItem", body, SsmJsonContext.Default.UpdateOpsItemBody);
        await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static Dictionary<string, OpsItemDataValue>? OperationalData(IReadOnlyDictionary<string, string>? values) =>
        values is { Count: > 0 } ? values.ToDictionary(v => v.Key, v => new OpsItemDataValue(v.Value, SearchableString), StringComparer.Ordinal) : null;

    private static string? TryReadId(AwsResponse response)
    {
        try
        {
            return JsonSerializer.Deserialize(response.Body, SsmJsonContext.Default.OpsItemIdResponse)?.OpsItemId;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
