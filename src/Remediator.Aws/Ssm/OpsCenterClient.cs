using System.Text.Json;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using Remediator.Core.Ports;

namespace Remediator.Aws.Ssm;

/// <summary>
/// <see cref="IOpsCenterClient"/> over the official AWS SDK client for SSM (JSON 1.1, <c>AmazonSSM.&lt;Op&gt;</c>), which
/// it owns and disposes. The SDK's service errors surface as <see cref="AwsServiceException"/>, so the engine branches
/// on one shape.
/// </summary>
public sealed class OpsCenterClient(IAmazonSimpleSystemsManagement ssm) : IOpsCenterClient, IDisposable
{
    /// <summary>The service's upper bound for DescribeOpsItems <c>MaxResults</c>.</summary>
    public const int MaxPageSize = 50;

    private const string DedupKey = "/aws/dedup";
    private const string ResourcesKey = "/aws/resources";

    // Open and InProgress block a new OpsItem with the same dedup string; other statuses do not.
    private static readonly List<string> OpenStatuses = [OpsItemStatus.Open.Value, OpsItemStatus.InProgress.Value];

    /// <summary>The SDK client (tests read its configuration).</summary>
    public IAmazonSimpleSystemsManagement Sdk => ssm;

    /// <inheritdoc />
    public async Task<OpsItemCreated> CreateAsync(OpsItemDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        Dictionary<string, OpsItemDataValue> data = Data(draft.OperationalData);
        data[DedupKey] = Searchable(JsonSerializer.Serialize(new DedupValue(draft.DedupString), SsmJsonContext.Default.DedupValue));
        if (draft.ResourceArns.Count > 0)
        {
            data[ResourcesKey] = Searchable(JsonSerializer.Serialize(draft.ResourceArns.Select(arn => new ResourceReference(arn)).ToList(), SsmJsonContext.Default.ListResourceReference));
        }

        var request = new CreateOpsItemRequest
        {
            Title = draft.Title,
            Description = draft.Description,
            Source = draft.Source,
            Severity = draft.Severity,
            Category = draft.Category,
            OperationalData = data,
        };
        try
        {
            CreateOpsItemResponse response = await ssm.CreateOpsItemAsync(request, cancellationToken).ConfigureAwait(false);
            return new OpsItemCreated(response.OpsItemId ?? throw new InvalidDataException("CreateOpsItem answer lacks 'OpsItemId'."), AlreadyExisted: false);
        }
        catch (OpsItemAlreadyExistsException e)
        {
            // An Open or InProgress OpsItem with this dedup string exists: OpsCenter created none and names it.
            return new OpsItemCreated(string.IsNullOrEmpty(e.OpsItemId) ? null : e.OpsItemId, AlreadyExisted: true);
        }
        catch (AmazonServiceException e)
        {
            throw Translate(e, "CreateOpsItem");
        }
    }

    /// <inheritdoc />
    public async Task<string?> GetStatusAsync(string opsItemId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(opsItemId);
        try
        {
            GetOpsItemResponse response = await ssm.GetOpsItemAsync(new GetOpsItemRequest { OpsItemId = opsItemId }, cancellationToken).ConfigureAwait(false);
            return response.OpsItem?.Status?.Value ?? throw new InvalidDataException("GetOpsItem answer lacks 'OpsItem.Status'.");
        }
        catch (OpsItemNotFoundException)
        {
            return null;
        }
        catch (AmazonServiceException e)
        {
            throw Translate(e, "GetOpsItem");
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OpenOpsItem>> FindOpenAsync(string source, string? dataKey, string? dataValue, int maxItems, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxItems, 1);
        var filters = new List<OpsItemFilter>
        {
            new() { Key = OpsItemFilterKey.Source, Values = [source], Operator = OpsItemFilterOperator.Equal },
            new() { Key = OpsItemFilterKey.Status, Values = OpenStatuses, Operator = OpsItemFilterOperator.Equal },
        };
        if (dataKey is not null)
        {
            // The documented shape of an OperationalData filter value: {"key":"...","value":"..."}.
            string pair = JsonSerializer.Serialize(new DataFilterValue(dataKey, dataValue ?? string.Empty), SsmJsonContext.Default.DataFilterValue);
            filters.Add(new() { Key = OpsItemFilterKey.OperationalData, Values = [pair], Operator = OpsItemFilterOperator.Equal });
        }

        var items = new List<OpenOpsItem>();
        string? nextToken = null;
        do
        {
            var request = new DescribeOpsItemsRequest { OpsItemFilters = filters, MaxResults = Math.Min(MaxPageSize, maxItems - items.Count), NextToken = nextToken };
            DescribeOpsItemsResponse page;
            try
            {
                page = await ssm.DescribeOpsItemsAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (AmazonServiceException e)
            {
                throw Translate(e, "DescribeOpsItems");
            }

            items.AddRange((page.OpsItemSummaries ?? [])
                .Where(summary => !string.IsNullOrEmpty(summary.OpsItemId))
                .Take(maxItems - items.Count)
                .Select(summary => new OpenOpsItem(
                    summary.OpsItemId,
                    summary.Status?.Value ?? string.Empty,
                    (summary.OperationalData ?? []).ToDictionary(entry => entry.Key, entry => entry.Value?.Value ?? string.Empty, StringComparer.Ordinal))));
            nextToken = page.NextToken;
        }
        while (!string.IsNullOrEmpty(nextToken) && items.Count < maxItems);

        return items;
    }

    /// <inheritdoc />
    public async Task UpdateAsync(OpsItemUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        await UpdateAsync(new UpdateOpsItemRequest { OpsItemId = update.OpsItemId, Description = update.Description, OperationalData = Data(update.OperationalData) }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task ResolveAsync(string opsItemId, IReadOnlyDictionary<string, OpsItemData> note, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(opsItemId);
        ArgumentNullException.ThrowIfNull(note);
        await UpdateAsync(new UpdateOpsItemRequest { OpsItemId = opsItemId, Status = OpsItemStatus.Resolved, OperationalData = Data(note) }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose() => ssm.Dispose();

    private async Task UpdateAsync(UpdateOpsItemRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await ssm.UpdateOpsItemAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonServiceException e)
        {
            throw Translate(e, "UpdateOpsItem");
        }
    }

    private static Dictionary<string, OpsItemDataValue> Data(IReadOnlyDictionary<string, OpsItemData> values) =>
        values.ToDictionary(
            entry => entry.Key,
            entry => new OpsItemDataValue { Value = entry.Value.Value, Type = entry.Value.Searchable ? OpsItemDataType.SearchableString : OpsItemDataType.String },
            StringComparer.Ordinal);

    private static OpsItemDataValue Searchable(string value) => new() { Value = value, Type = OpsItemDataType.SearchableString };

    // One error shape for the engine whichever client answered; the SDK has already retried what it retries.
    private static AwsServiceException Translate(AmazonServiceException e, string operation) =>
        new("ssm", operation, e.ErrorCode ?? e.GetType().Name, (int)e.StatusCode, e.Message, e.RequestId, null, e);
}
