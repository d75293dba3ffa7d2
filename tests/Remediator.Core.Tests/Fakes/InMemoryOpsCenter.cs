using Remediator.Core.Ports;

namespace Remediator.Core.Tests.Fakes;

/// <summary>OpsCenter in memory, with its dedup rule (an Open or InProgress item with the same dedup string blocks a new one); records every call.</summary>
public sealed class InMemoryOpsCenter : IOpsCenterClient
{
    private readonly Lock gate = new();
    private readonly List<string> calls = [];
    private int next;

    /// <summary>Every OpsItem, by id.</summary>
    public Dictionary<string, Item> Items { get; } = new(StringComparer.Ordinal);

    /// <summary>Calls so far, by operation name.</summary>
    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (gate)
            {
                return [.. calls];
            }
        }
    }

    /// <summary>When set, every call fails with it.</summary>
    public AwsServiceException? Failure { get; set; }

    public Task<OpsItemCreated> CreateAsync(OpsItemDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        lock (gate)
        {
            Record("CreateOpsItem");
            if (Items.Values.FirstOrDefault(item => item.Draft.DedupString == draft.DedupString && item.Status is "Open" or "InProgress") is { } open)
            {
                return Task.FromResult(new OpsItemCreated(open.Id, AlreadyExisted: true));
            }

            var created = new Item($"oi-{++next:x12}", draft) { Data = new Dictionary<string, OpsItemData>(draft.OperationalData, StringComparer.Ordinal) };
            Items[created.Id] = created;
            return Task.FromResult(new OpsItemCreated(created.Id, AlreadyExisted: false));
        }
    }

    public Task<string?> GetStatusAsync(string opsItemId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            Record("GetOpsItem");
            return Task.FromResult(Items.TryGetValue(opsItemId, out Item? item) ? item.Status : null);
        }
    }

    public Task<IReadOnlyList<OpenOpsItem>> FindOpenAsync(string source, string? dataKey, string? dataValue, int maxItems, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            Record("DescribeOpsItems");
            IReadOnlyList<OpenOpsItem> found = [.. Items.Values
                .Where(item => item.Draft.Source == source && item.Status is "Open" or "InProgress")
                .Where(item => dataKey is null || (item.Data.TryGetValue(dataKey, out OpsItemData? value) && value.Searchable && value.Value == dataValue))
                .Take(maxItems)
                .Select(item => new OpenOpsItem(item.Id, item.Status, item.Data.Where(d => d.Value.Searchable).ToDictionary(d => d.Key, d => d.Value.Value, StringComparer.Ordinal)))];
            return Task.FromResult(found);
        }
    }

    public Task UpdateAsync(OpsItemUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        lock (gate)
        {
            Item item = Existing("UpdateOpsItem", update.OpsItemId);
            item.Description = update.Description;
            Merge(item, update.OperationalData);
            return Task.CompletedTask;
        }
    }

    public Task ResolveAsync(string opsItemId, IReadOnlyDictionary<string, OpsItemData> note, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            Item item = Existing("UpdateOpsItem", opsItemId);
            item.Status = "Resolved";
            Merge(item, note);
            return Task.CompletedTask;
        }
    }

    private void Record(string operation)
    {
        calls.Add(operation);
        if (Failure is { } failure)
        {
            throw failure;
        }
    }

    private Item Existing(string operation, string id)
    {
        Record(operation);
        return Items.TryGetValue(id, out Item? item) ? item : throw new AwsServiceException("ssm", operation, AwsErrorCodes.OpsItemNotFound, 400, "not found", null);
    }

    private static void Merge(Item item, IReadOnlyDictionary<string, OpsItemData> data)
    {
        foreach ((string key, OpsItemData value) in data)
        {
            item.Data[key] = value;
        }
    }

    /// <summary>One OpsItem.</summary>
    public sealed class Item(string id, OpsItemDraft draft)
    {
        public string Id { get; } = id;

        public OpsItemDraft Draft { get; } = draft;

        public string Status { get; set; } = "Open";

        public string Description { get; set; } = draft.Description;

        public Dictionary<string, OpsItemData> Data { get; init; } = [];
    }
}
