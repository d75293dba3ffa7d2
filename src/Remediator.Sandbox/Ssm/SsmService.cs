using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Remediator.Sandbox.Http;
using Remediator.Sandbox.State;

namespace Remediator.Sandbox.Ssm;

/// <summary>
/// SSM OpsCenter (JSON 1.1, <c>AmazonSSM</c>), the operations the official SDK sends for Remediator's tickets:
/// CreateOpsItem honouring <c>/aws/dedup</c> as OpsCenter documents it (an Open or InProgress item with the same
/// string blocks a new one and is named in <c>OpsItemAlreadyExistsException</c>; a Resolved one does not), GetOpsItem,
/// DescribeOpsItems with filters, UpdateOpsItem. Bounds from botocore's ssm model (title 1024, description 2048,
/// source 128 characters) and the user guide (operational data keys 128 characters, values 20 KB).
/// </summary>
internal sealed class SsmService(SandboxEnvironment env) : IAwsService
{
    public const string DedupKey = "/aws/dedup";

    /// <summary>An operational data value holds at most 20 KB.</summary>
    public const int MaxDataValueBytes = 20 * 1024;

    private const int MaxDataKeyLength = 128;

    private static readonly string[] Operations = ["CreateOpsItem", "DescribeOpsItems", "GetOpsItem", "UpdateOpsItem"];

    // The reserved keys callers may write (OpsCenter's own: dedup, related resources, runbooks).
    private static readonly string[] WritableReservedKeys = [DedupKey, "/aws/resources", "/aws/automations"];

    private static readonly string[] KnownStatuses =
        ["Open", "InProgress", "Resolved", "Pending", "TimedOut", "Cancelling", "Cancelled", "Failed", "CompletedWithSuccess", "CompletedWithFailure", "Scheduled", "RunbookInProgress", "PendingChangeCalendarOverride", "ChangeCalendarOverrideApproved", "ChangeCalendarOverrideRejected", "PendingApproval", "Approved", "Revoked", "Rejected", "Closed"];

    /// <summary>Statuses in which an item deduplicates new ones (OpsCenter user guide, "Managing duplicate OpsItems").</summary>
    private static readonly string[] BlockingStatuses = ["Open", "InProgress"];

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
            "GetOpsItem" => GetOpsItem(request),
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

        if (ReservedPrefix(input.Source!, ssm: false))
        {
            return InvalidParameter("Source", "The Source parameter must not begin with aws, amazon or amzn.");
        }

        var data = input.OperationalData ?? [];
        if (ValidateData(data, WritableReservedKeys) is { } invalidData)
        {
            return invalidData;
        }

        if (DedupString(data) is { } dedup && env.Data.OpsItems.Values.FirstOrDefault(i => BlockingStatuses.Contains(i.Status) && DedupString(i.OperationalData) == dedup) is { } open)
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
                return new ServiceError(400, "ValidationException", $"Unsupported OpsItem filter {filter.Key} {filter.Operator}: the sandbox supports Equal and Contains on Status, OpsItemId, Source, Title, Severity, Category, OpsItemType and OperationalDataValue, and Equal on OperationalData ({{\"key\":...,\"value\":...}}).");
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

    private ServiceResult GetOpsItem(SandboxRequest request)
    {
        if (!JsonBody.TryRead(request, SandboxJson.Context.GetOpsItemRequest, out var input, out var error))
        {
            return new ServiceError(400, "SerializationException", error);
        }

        return input.OpsItemId is not null && env.Data.OpsItems.TryGetValue(input.OpsItemId, out var item)
            ? Reply.Json(Protocol, new GetOpsItemResponse(item), SandboxJson.Context.GetOpsItemResponse)
            : NotFound(input.OpsItemId);
    }

    private ServiceResult UpdateOpsItem(SandboxRequest request)
    {
        if (!JsonBody.TryRead(request, SandboxJson.Context.UpdateOpsItemRequest, out var input, out var error))
        {
            return new ServiceError(400, "SerializationException", error);
        }

        if (input.OpsItemId is null || !env.Data.OpsItems.TryGetValue(input.OpsItemId, out var item))
        {
            return NotFound(input.OpsItemId);
        }

        if (input.Status is not null && !KnownStatuses.Contains(input.Status))
        {
            return InvalidParameter("Status", $"Invalid status {input.Status}.");
        }

        ServiceError? invalid = (input.Title is null ? null : Validate(input.Title, 1024, "Title"))
            ?? (input.Description is null ? null : Validate(input.Description, 2048, "Description"));
        if (invalid is not null)
        {
            return invalid;
        }

        // The dedup string cannot be changed once the item exists.
        if (ValidateData(input.OperationalData ?? [], ["/aws/resources", "/aws/automations"]) is { } invalidData)
        {
            return invalidData;
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

    // Keys of 1-128 characters not starting with a reserved prefix (but the writable reserved keys), values of at most 20 KB.
    private static ServiceError? ValidateData(IReadOnlyDictionary<string, OpsItemDataValue> data, string[] writableReserved)
    {
        foreach ((string key, OpsItemDataValue value) in data)
        {
            if (key.Length is 0 or > MaxDataKeyLength || string.IsNullOrWhiteSpace(value.Value) || Encoding.UTF8.GetByteCount(value.Value) > MaxDataValueBytes
                || value.Type is not ("SearchableString" or "String"))
            {
                return InvalidParameter("OperationalData", $"The OperationalData entry {key} needs a key of 1-{MaxDataKeyLength} characters, a value of 1 byte to 20 KB and the type SearchableString or String.");
            }

            if (ReservedPrefix(key.TrimStart('/'), ssm: true) && !writableReserved.Contains(key))
            {
                return InvalidParameter("OperationalData", $"The OperationalData key {key} is reserved.");
            }
        }

        return null;
    }

    private static ServiceError NotFound(string? id) =>
        new(400, "OpsItemNotFoundException", $"OpsItem with id {id} not found.") { MessageKey = "Message" };

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

    // Sources may not start with aws, amazon or amzn; operational data keys not with ssm either.
    private static bool ReservedPrefix(string value, bool ssm) =>
        value.StartsWith("aws", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("amazon", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("amzn", StringComparison.OrdinalIgnoreCase)
        || (ssm && value.StartsWith("ssm", StringComparison.OrdinalIgnoreCase));

    private static ServiceError? Validate(string? value, int maxLength, string name) =>
        string.IsNullOrWhiteSpace(value) || value.Length > maxLength
            ? InvalidParameter(name, $"The {name} parameter must be 1-{maxLength} characters and not blank.")
            : null;

    private static ServiceError InvalidParameter(string name, string message) =>
        new ServiceError(400, "OpsItemInvalidParameterException", message) { MessageKey = "Message" }
            .With("ParameterNames", new JsonArray(name));
}
