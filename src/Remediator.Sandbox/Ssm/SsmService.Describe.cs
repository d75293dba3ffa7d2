using Remediator.Sandbox.Http;
using Remediator.Sandbox.State;

namespace Remediator.Sandbox.Ssm;

/// <summary>DescribeOpsItems: the filter keys Remediator and operators use, with Equal and Contains.</summary>
internal sealed partial class SsmService
{
    private static readonly string[] KnownStatuses =
        ["Open", "InProgress", "Resolved", "Pending", "TimedOut", "Cancelling", "Cancelled", "Failed", "CompletedWithSuccess", "CompletedWithFailure", "Scheduled", "RunbookInProgress", "PendingChangeCalendarOverride", "ChangeCalendarOverrideApproved", "ChangeCalendarOverrideRejected", "PendingApproval", "Approved", "Revoked", "Rejected", "Closed"];

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
            if (filter.Key is null || !FilterKeys.Contains(filter.Key) || filter.Operator is not ("Equal" or "Contains") || filter.Values is not { Count: > 0 })
            {
                return new ServiceError(400, "ValidationException", $"Unsupported OpsItem filter {filter.Key} {filter.Operator}: the sandbox supports Equal and Contains on Status, OpsItemId, Source, Title, Severity, Category, OpsItemType and OperationalDataValue.");
            }
        }

        var items = env.Data.OpsItems.Values
            .Where(item => filters.All(f => Matches(item, f)))
            .OrderByDescending(item => item.CreatedTime)
            .Select(OpsItemSummary.From)
            .ToList();
        var (page, next) = PageToken.Slice(items, offset, limit);
        return Reply.Json(Protocol, new DescribeOpsItemsResponse(page, next), SandboxJson.Context.DescribeOpsItemsResponse);
    }

    private static readonly string[] FilterKeys = ["Status", "OpsItemId", "Source", "Title", "Severity", "Category", "OpsItemType", "OperationalDataValue"];

    private static bool Matches(OpsItem item, OpsItemFilter filter)
    {
        var candidates = filter.Key == "OperationalDataValue"
            ? item.OperationalData.Values.Select(v => v.Value ?? string.Empty)
            : [Field(filter.Key!, item) ?? string.Empty];
        return candidates.Any(candidate => filter.Values!.Any(value => filter.Operator == "Equal"
            ? candidate.Equals(value, StringComparison.Ordinal)
            : candidate.Contains(value, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>The field a (validated) filter key reads.</summary>
    private static string? Field(string key, OpsItem item) => key switch
    {
        "Status" => item.Status,
        "OpsItemId" => item.OpsItemId,
        "Source" => item.Source,
        "Title" => item.Title,
        "Severity" => item.Severity,
        "Category" => item.Category,
        _ => item.OpsItemType,
    };
}
