using System.Text.Json;
using System.Text.Json.Nodes;
using Remediator.Sandbox.Http;
using Remediator.Sandbox.State;

namespace Remediator.Sandbox.Ssm;

/// <summary>
/// SSM OpsCenter (JSON 1.1, <c>AmazonSSM</c>): CreateOpsItem honouring <c>/aws/dedup</c> while an item is open,
/// DescribeOpsItems with filters, UpdateOpsItem.
/// </summary>
internal sealed class SsmService(SandboxEnvironment env) : IAwsService
{
    public const string DedupKey = "/aws/dedup";

    private static readonly string[] Operations = ["CreateOpsItem", "DescribeOpsItems", "UpdateOpsItem"];

    private static readonly string[] KnownStatuses =
        ["Open", "InProgress", "Resolved", "Pending", "TimedOut", "Cancelling", "Cancelled", "Failed", "CompletedWithSuccess", "CompletedWithFailure", "Scheduled", "RunbookInProgress", "PendingChangeCalendarOverride", "ChangeCalendarOverrideApproved", "ChangeCalendarOverrideRejected", "PendingApproval", "Approved", "Revoked", "Rejected", "Closed"];

    /// <summary>Statuses in which an item no longer deduplicates new ones.</summary>
    private static readonly string[] ClosedStatuses = ["Resolved", "Closed", "Cancelled", "CompletedWithSuccess", "CompletedWithFailure", "Rejected"];

    public string SigningName => "ssm";

    public string Name => "ssm";

    public AwsProtocol Protocol => AwsProtocol.Json11;

    public string? XmlNamespace => null;

    private string Caller => $"arn:aws:iam::{env.AccountId}:root";

    public ServiceCall? Resolve(SandboxRequest request) => JsonTarget.Resolve(request, Name, "AmazonSSM", Operations);

    public ServiceResult Execute(ServiceCall call, SandboxRequest request)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.Operation switch
        {
            "CreateOpsItem" => CreateOpsItem(request),
            "DescribeOpsItems" => DescribeOpsItems(request),
            _ => UpdateOpsItem(request),
        };
    }

    private ServiceResult CreateOpsItem(SandboxRequest request)
    {
        if (!JsonBody.TryRead(request, SandboxJson.Context.CreateOpsItemRequest, out var input, out var error))
        {
            return new ServiceError(400, "SerializationException", error);
        }

        if ((Validate(input.Title, 1024, "Title") ?? Validate(input.Description, 2048, "Description") ?? Validate(input.Source, 128, "Source")) is { } invalid)
        {
            return invalid;
        }

        if (ReservedPrefix(input.Source!))
        {
            return InvalidParameter("Source", "The Source parameter must not begin with aws, amazon or amzn.");
        }

        var data = input.OperationalData ?? [];
        if (data.Keys.FirstOrDefault(k => ReservedPrefix(k.TrimStart('/')) && k is not DedupKey and not "/aws/resources" and not "/aws/automations") is { } reservedKey)
        {
            return InvalidParameter("OperationalData", $"The OperationalData key {reservedKey} is reserved.");
        }

        if (DedupString(data) is { } dedup && env.Data.OpsItems.Values.FirstOrDefault(i => !ClosedStatuses.Contains(i.Status) && DedupString(i.OperationalData) == dedup) is { } open)
        {
            return new ServiceError(400, "OpsItemAlreadyExistsException", "The OpsItem already exists.") { MessageKey = "Message" }
                .With("OpsItemId", open.OpsItemId);
        }

        var id = "oi-" + env.Ids.Hex(12);
        var now = env.Now.ToUnixTimeMilliseconds() / 1000.0;
        var item = new OpsItem
        {
            OpsItemId = id,
            OpsItemArn = $"arn:aws:ssm:{env.Region}:{env.AccountId}:opsitem/{id}",
            Title = input.Title!,
            Description = input.Description!,
            Source = input.Source!,
            Severity = input.Severity,
            Category = input.Category,
            Priority = input.Priority,
            OpsItemType = input.OpsItemType,
            OperationalData = data,
            Notifications = input.Notifications,
            Tags = input.Tags,
            CreatedBy = Caller,
            CreatedTime = now,
            LastModifiedBy = Caller,
            LastModifiedTime = now,
        };
        env.Data.OpsItems[id] = item;
        return Reply.Json(Protocol, new CreateOpsItemResponse(id, item.OpsItemArn), SandboxJson.Context.CreateOpsItemResponse);
    }

    private ServiceResult DescribeOpsItems(SandboxRequest request)
    {
        if (!JsonBody.TryRead(request, SandboxJson.Context.DescribeOpsItemsRequest, out var input, out var error))
        {
            return new ServiceError(400, "SerializationException", error);
        }

        var limit = input.MaxResults ?? 50;
        if (limit is < 1 or > 50 || !PageToken.TryDecode(input.NextToken, out var offset))
        {
            return new ServiceError(400, "ValidationException", "MaxResults must be 1-50 and NextToken one this service issued.");
        }

        var filters = input.OpsItemFilters ?? [];
        foreach (var filter in filters)
        {
            if (!OpsItemFilters.IsSupported(filter))
            {
                return new ServiceError(400, "ValidationException", $"Unsupported OpsItem filter {filter.Key} {filter.Operator}: the sandbox supports Equal and Contains on Status, OpsItemId, Source, Title, Severity, Category, OpsItemType and OperationalDataValue.");
            }
        }

        var items = env.Data.OpsItems.Values
            .Where(item => filters.All(f => OpsItemFilters.Matches(item, f)))
            .OrderByDescending(item => item.CreatedTime)
            .Select(OpsItemSummary.From)
            .ToList();
        var (page, next) = PageToken.Slice(items, offset, limit);
        return Reply.Json(Protocol, new DescribeOpsItemsResponse(page, next), SandboxJson.Context.DescribeOpsItemsResponse);
    }

    private ServiceResult UpdateOpsItem(SandboxRequest request)
    {
        if (!JsonBody.TryRead(request, SandboxJson.Context.UpdateOpsItemRequest, out var input, out var error))
        {
            return new ServiceError(400, "SerializationException", error);
        }

        if (input.OpsItemId is null || !env.Data.OpsItems.TryGetValue(input.OpsItemId, out var item))
        {
            return new ServiceError(400, "OpsItemNotFoundException", $"OpsItem with id {input.OpsItemId} not found.") { MessageKey = "Message" };
        }

        if (input.Status is not null && !KnownStatuses.Contains(input.Status))
        {
            return InvalidParameter("Status", $"Invalid status {input.Status}.");
        }

        var data = new Dictionary<string, OpsItemDataValue>(item.OperationalData);
        foreach (var (key, value) in input.OperationalData ?? [])
        {
            data[key] = value;
        }

        foreach (var key in input.OperationalDataToDelete ?? [])
        {
            data.Remove(key);
        }

        env.Data.OpsItems[item.OpsItemId] = item with
        {
            Title = input.Title ?? item.Title,
            Description = input.Description ?? item.Description,
            Status = input.Status ?? item.Status,
            Severity = input.Severity ?? item.Severity,
            Category = input.Category ?? item.Category,
            Priority = input.Priority ?? item.Priority,
            Notifications = input.Notifications ?? item.Notifications,
            OperationalData = data,
            LastModifiedBy = Caller,
            LastModifiedTime = env.Now.ToUnixTimeMilliseconds() / 1000.0,
        };
        return Reply.EmptyObject(Protocol);
    }

    /// <summary>The <c>dedupString</c> inside <c>/aws/dedup</c>'s JSON value, if any.</summary>
    private static string? DedupString(IReadOnlyDictionary<string, OpsItemDataValue> data)
    {
        if (!data.TryGetValue(DedupKey, out var entry) || entry.Value is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(entry.Value)?["dedupString"]?.GetValue<string>();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static bool ReservedPrefix(string value) =>
        value.StartsWith("aws", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("amazon", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("amzn", StringComparison.OrdinalIgnoreCase);

    private static ServiceError? Validate(string? value, int maxLength, string name) =>
        string.IsNullOrWhiteSpace(value) || value.Length > maxLength
            ? InvalidParameter(name, $"The {name} parameter must be 1-{maxLength} characters and not blank.")
            : null;

    private static ServiceError InvalidParameter(string name, string message) =>
        new ServiceError(400, "OpsItemInvalidParameterException", message) { MessageKey = "Message" }
            .With("ParameterNames", new JsonArray(name));
}
