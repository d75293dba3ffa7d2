namespace Remediator.Core.Intake;

/// <summary>A decoded CloudWatch Logs subscription message: one log group and stream, many events.</summary>
public sealed record LogBatch(
    SubscriptionMessageType MessageType,
    string Owner,
    string LogGroup,
    string LogStream,
    IReadOnlyList<string> SubscriptionFilters,
    IReadOnlyList<LogEvent> LogEvents,
    string? PolicyLevel = null)
{
    /// <summary>Events whose text is not Unicode: left out of <see cref="LogEvents"/>, each ends as its own outcome.</summary>
    public IReadOnlyList<UndecodableEvent> Undecodable { get; init; } = [];

    /// <summary>True for CloudWatch's health-check messages, which never carry findings.</summary>
    public bool IsControl => MessageType == SubscriptionMessageType.ControlMessage;

    /// <summary>Value equality, including the lists (records alone compare them by reference).</summary>
    public bool Equals(LogBatch? other) =>
        other is not null
        && MessageType == other.MessageType
        && Owner == other.Owner
        && LogGroup == other.LogGroup
        && LogStream == other.LogStream
        && PolicyLevel == other.PolicyLevel
        && SubscriptionFilters.SequenceEqual(other.SubscriptionFilters)
        && LogEvents.SequenceEqual(other.LogEvents)
        && Undecodable.SequenceEqual(other.Undecodable);

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(MessageType, Owner, LogGroup, LogStream, PolicyLevel, LogEvents.Count);
}
