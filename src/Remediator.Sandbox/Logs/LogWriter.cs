using System.Globalization;
using Remediator.Sandbox.State;

namespace Remediator.Sandbox.Logs;

/// <summary>Events just written to one stream, handed to log subscribers after the lock is released.</summary>
internal sealed record WrittenEvents(string LogGroup, string LogStream, IReadOnlyList<StoredLogEvent> Events);

/// <summary>Appends events to log streams; shared by PutLogEvents and the API Gateway data plane.</summary>
internal sealed class LogWriter(SandboxEnvironment env)
{
    /// <summary>The log group, created on demand (API Gateway creates its execution log groups itself).</summary>
    public LogGroupRecord EnsureGroup(string name)
    {
        if (!env.Data.LogGroups.TryGetValue(name, out var group))
        {
            group = NewGroup(name);
            env.Data.LogGroups[name] = group;
        }

        return group;
    }

    /// <summary>A new, empty log group record.</summary>
    public LogGroupRecord NewGroup(string name)
    {
        var arn = $"arn:aws:logs:{env.Region}:{env.AccountId}:log-group:{name}";
        return new LogGroupRecord
        {
            Group = new LogGroup { LogGroupName = name, CreationTime = NowMillis(), Arn = arn + ":*", LogGroupArn = arn },
        };
    }

    /// <summary>The stream in a group, created on demand.</summary>
    public LogStreamRecord EnsureStream(LogGroupRecord group, string name)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (!group.Streams.TryGetValue(name, out var stream))
        {
            stream = new LogStreamRecord { LogStreamName = name, CreationTime = NowMillis() };
            group.Streams[name] = stream;
        }

        return stream;
    }

    /// <summary>Appends events (timestamp, message) with ingestion time and ids; call with the lock held.</summary>
    public WrittenEvents Append(LogGroupRecord group, LogStreamRecord stream, IEnumerable<(long Timestamp, string Message)> events)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(stream);
        var ingestion = NowMillis();
        var written = new List<StoredLogEvent>();
        foreach (var (timestamp, message) in events)
        {
            var sequence = ++env.Data.Sequence;

            // CloudWatch event ids are long decimal strings; these sort by time, then by arrival.
            var id = string.Create(CultureInfo.InvariantCulture, $"{timestamp:D20}{sequence:D36}");
            written.Add(new StoredLogEvent(timestamp, message, ingestion, id));
        }

        stream.Events.AddRange(written);
        group.Group = group.Group with { StoredBytes = group.Group.StoredBytes + written.Sum(e => (long)e.Message.Length) };
        return new WrittenEvents(group.Group.LogGroupName, stream.LogStreamName, written);
    }

    public long NowMillis() => env.Now.ToUnixTimeMilliseconds();
}
