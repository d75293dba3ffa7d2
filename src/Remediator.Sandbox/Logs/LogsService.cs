using Remediator.Sandbox.Http;
using Remediator.Sandbox.State;

namespace Remediator.Sandbox.Logs;

/// <summary>CloudWatch Logs (JSON 1.1, <c>Logs_20140328</c>): groups, streams, PutLogEvents; FilterLogEvents in <see cref="LogEventFilter"/>.</summary>
internal sealed partial class LogsService(SandboxEnvironment env) : IAwsService
{
    private static readonly string[] Operations = ["CreateLogGroup", "CreateLogStream", "PutLogEvents", "FilterLogEvents", "DescribeLogGroups"];

    private readonly LogWriter _writer = new(env);
    private readonly LogEventFilter _filter = new(env);

    public string SigningName => "logs";

    public string Name => "logs";

    public AwsProtocol Protocol => AwsProtocol.Json11;

    public string? XmlNamespace => null;

    private SandboxData Data => env.Data;

    public ServiceCall? Resolve(SandboxRequest request) => JsonTarget.Resolve(request, Name, "Logs_20140328", Operations);

    public ServiceResult Execute(ServiceCall call, SandboxRequest request)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.Operation switch
        {
            "CreateLogGroup" => CreateLogGroup(request),
            "CreateLogStream" => CreateLogStream(request),
            "PutLogEvents" => PutLogEvents(request),
            "FilterLogEvents" => _filter.FilterLogEvents(request),
            _ => DescribeLogGroups(request),
        };
    }

    private ServiceResult CreateLogGroup(SandboxRequest request)
    {
        if (!JsonBody.TryRead(request, SandboxJson.Context.CreateLogGroupRequest, out var input, out var error))
        {
            return LogsErrors.Serialization(error);
        }

        if (input.LogGroupName is null || !LogGroupNamePattern().IsMatch(input.LogGroupName))
        {
            return LogsErrors.Invalid($"1 validation error detected: Value '{input.LogGroupName}' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+");
        }

        if (Data.LogGroups.ContainsKey(input.LogGroupName))
        {
            return new ServiceError(400, "ResourceAlreadyExistsException", "The specified log group already exists");
        }

        var group = _writer.NewGroup(input.LogGroupName);
        group.Group = group.Group with { LogGroupClass = input.LogGroupClass ?? "STANDARD" };
        Data.LogGroups[input.LogGroupName] = group;
        return Reply.EmptyObject(Protocol);
    }

    private ServiceResult CreateLogStream(SandboxRequest request)
    {
        if (!JsonBody.TryRead(request, SandboxJson.Context.CreateLogStreamRequest, out var input, out var error))
        {
            return LogsErrors.Serialization(error);
        }

        if (input.LogStreamName is null || input.LogStreamName.Length is 0 or > 512 || input.LogStreamName.Contains(':', StringComparison.Ordinal) || input.LogStreamName.Contains('*', StringComparison.Ordinal))
        {
            return LogsErrors.Invalid($"1 validation error detected: Value '{input.LogStreamName}' at 'logStreamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [^:*]*");
        }

        if (input.LogGroupName is null || !Data.LogGroups.TryGetValue(input.LogGroupName, out var group))
        {
            return LogsErrors.GroupNotFound();
        }

        if (group.Streams.ContainsKey(input.LogStreamName))
        {
            return new ServiceError(400, "ResourceAlreadyExistsException", "The specified log stream already exists");
        }

        _writer.EnsureStream(group, input.LogStreamName);
        return Reply.EmptyObject(Protocol);
    }

    private ServiceResult PutLogEvents(SandboxRequest request)
    {
        if (!JsonBody.TryRead(request, SandboxJson.Context.PutLogEventsRequest, out var input, out var error))
        {
            return LogsErrors.Serialization(error);
        }

        if (input.LogGroupName is null || !Data.LogGroups.TryGetValue(input.LogGroupName, out var group))
        {
            return LogsErrors.GroupNotFound();
        }

        if (input.LogStreamName is null || !group.Streams.TryGetValue(input.LogStreamName, out var stream))
        {
            return new ServiceError(400, "ResourceNotFoundException", "The specified log stream does not exist.");
        }

        var events = input.LogEvents ?? [];
        if (events.Count == 0 || events.Any(e => string.IsNullOrEmpty(e.Message)))
        {
            return LogsErrors.Invalid("1 validation error detected: Value at 'logEvents' failed to satisfy constraint: Member must have length greater than or equal to 1");
        }

        if (events.Zip(events.Skip(1)).Any(pair => pair.Second.Timestamp < pair.First.Timestamp))
        {
            return LogsErrors.Invalid("Log events in a single PutLogEvents request must be in chronological order.");
        }

        var written = _writer.Append(group, stream, events.Select(e => (e.Timestamp, e.Message!)));
        env.Outbox.Enqueue(written);
        return Reply.Json(Protocol, new PutLogEventsResponse(written.Events[^1].EventId), SandboxJson.Context.PutLogEventsResponse);
    }

    private ServiceResult DescribeLogGroups(SandboxRequest request)
    {
        if (!JsonBody.TryRead(request, SandboxJson.Context.DescribeLogGroupsRequest, out var input, out var error))
        {
            return LogsErrors.Serialization(error);
        }

        if (input.LogGroupNamePrefix is not null && input.LogGroupNamePattern is not null)
        {
            return LogsErrors.Invalid("LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.");
        }

        var limit = input.Limit ?? 50;
        if (limit is < 1 or > 50 || !PageToken.TryDecode(input.NextToken, out var offset))
        {
            return LogsErrors.Invalid("The limit must be 1-50 and the next token one this service issued.");
        }

        var groups = Data.LogGroups.Values
            .Select(g => g.Group)
            .Where(g => input.LogGroupNamePrefix is null || g.LogGroupName.StartsWith(input.LogGroupNamePrefix, StringComparison.Ordinal))
            .Where(g => input.LogGroupNamePattern is null || g.LogGroupName.Contains(input.LogGroupNamePattern, StringComparison.OrdinalIgnoreCase))
            .OrderBy(g => g.LogGroupName, StringComparer.Ordinal)
            .ToList();
        var (page, next) = PageToken.Slice(groups, offset, limit);
        return Reply.Json(Protocol, new DescribeLogGroupsResponse(page, next), SandboxJson.Context.DescribeLogGroupsResponse);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[\.\-_/#A-Za-z0-9]{1,512}$")]
    private static partial System.Text.RegularExpressions.Regex LogGroupNamePattern();
}
