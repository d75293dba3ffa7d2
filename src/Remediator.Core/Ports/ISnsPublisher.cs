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
public sealed record SnsMessage(
    string TopicArn,
    string Message,
    string? Subject = null,
    string? MessageStructure = null,
    IReadOnlyDictionary<string, string>? Attributes = null);
