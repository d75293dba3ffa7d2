using System.Collections.ObjectModel;

namespace Remediator.Core.Ports;

/// <summary>
/// Where and how much a stage logs, as the control plane reports it: the execution-log level of every method
/// (REST <c>methodSettings["*/*"]</c>) or route (v2 <c>defaultRouteSettings</c>), the overrides of single methods
/// or routes, and the access-log destination. Levels are API Gateway's <c>OFF</c>, <c>ERROR</c> or <c>INFO</c>;
/// null means not set.
/// </summary>
/// <param name="LoggingLevel">The stage-wide execution-log level.</param>
/// <param name="Overrides">
/// Levels of single methods or routes, only those that set one (an override without a level inherits the stage's):
/// REST keyed as <c>methodSettings</c> is, <c>{resource path with '/' as '~1'}/{METHOD}</c> (<c>~1pets~1{id}/GET</c>);
/// WebSocket keyed by route key (<c>routeSettings</c>).
/// </param>
/// <param name="AccessLogDestinationArn">The <c>accessLogSettings.destinationArn</c> (a log group, with or without <c>:*</c>, or a Firehose stream).</param>
public sealed record StageLogging(string? LoggingLevel, IReadOnlyDictionary<string, string> Overrides, string? AccessLogDestinationArn)
{
    /// <summary>A stage that logs nothing.</summary>
    public static StageLogging None { get; } = new(null, ReadOnlyDictionary<string, string>.Empty, null);

    /// <summary>Value equality, including the overrides (records alone compare dictionaries by reference).</summary>
    public bool Equals(StageLogging? other) =>
        other is not null
        && LoggingLevel == other.LoggingLevel
        && AccessLogDestinationArn == other.AccessLogDestinationArn
        && Overrides.Count == other.Overrides.Count
        && Overrides.All(o => other.Overrides.TryGetValue(o.Key, out string? level) && level == o.Value);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(LoggingLevel, AccessLogDestinationArn, Overrides.Count);
}
