namespace Remediator.Core.Ports;

/// <summary>Publishes notifications to an SNS topic.</summary>
public interface ISnsPublisher
{
    /// <summary>Publishes and returns the SNS message id.</summary>
    Task<string> PublishAsync(SnsMessage message, CancellationToken cancellationToken);
}

/// <summary>One SNS Publish.</summary>
/// <param name="TopicArn">Topic.</param>
/// <param name="Message">Body (at most 256 KB in UTF-8); with <paramref name="MessageStructure"/> <c>json</c>, a JSON object of per-protocol texts with a <c>default</c> key.</param>
/// <param name="Subject">Email subject: under 100 characters, no line breaks.</param>
/// <param name="MessageStructure"><c>json</c> or null.</param>
/// <param name="Attributes">String message attributes (used for subscription filter policies).</param>
/// <param name="DeduplicationId">The same for every pass that sends the same notification: a FIFO topic's <c>MessageDeduplicationId</c>; never sent to a standard topic.</param>
/// <param name="GroupId">A FIFO topic's <c>MessageGroupId</c>; never sent to a standard topic.</param>
public sealed record SnsMessage(
    string TopicArn,
    string Message,
    string? Subject = null,
    string? MessageStructure = null,
    IReadOnlyDictionary<string, string>? Attributes = null,
    string? DeduplicationId = null,
    string? GroupId = null)
{
    /// <summary>True when <see cref="TopicArn"/> names a FIFO topic (its name ends in <c>.fifo</c>, which SNS requires of FIFO topics and refuses to others).</summary>
    public bool FifoTopic => TopicArn.EndsWith(".fifo", StringComparison.Ordinal);
}
