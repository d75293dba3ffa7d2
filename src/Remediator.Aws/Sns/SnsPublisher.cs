using System.Globalization;
using System.Text;
using Remediator.Aws.Endpoints;
using Remediator.Aws.Http;
using Remediator.Core.Notifications;
using Remediator.Core.Ports;

namespace Remediator.Aws.Sns;

/// <summary>SNS Publish over the query protocol (version 2010-03-31).</summary>
public sealed class SnsPublisher(AwsHttpClient http) : ISnsPublisher
{
    /// <summary>SNS's limit on the message and its attributes together, in UTF-8 bytes.</summary>
    public const int MaxMessageBytes = NotificationLimits.MaxMessageBytes;

    /// <summary>SNS's limit on the subject: fewer than 100 characters.</summary>
    public const int MaxSubjectLength = NotificationLimits.MaxSubjectLength;

    /// <inheritdoc />
    public async Task<string> PublishAsync(SnsMessage message, CancellationToken cancellationToken)
    {
        Validate(message);
        var parameters = new List<KeyValuePair<string, string>> { new("TopicArn", message.TopicArn), new("Message", message.Message) };
        if (message.Subject is not null)
        {
            parameters.Add(new("Subject", message.Subject));
        }

        if (message.MessageStructure is not null)
        {
            parameters.Add(new("MessageStructure", message.MessageStructure));
        }

        if (message.FifoTopic)
        {
            parameters.Add(new("MessageGroupId", message.GroupId!));
            parameters.Add(new("MessageDeduplicationId", message.DeduplicationId!));
        }

        var index = 0;
        foreach (var (name, value) in (message.Attributes ?? new Dictionary<string, string>()).OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var prefix = string.Create(CultureInfo.InvariantCulture, $"MessageAttributes.entry.{++index}");
            parameters.Add(new($"{prefix}.Name", name));
            parameters.Add(new($"{prefix}.Value.DataType", NotificationLimits.AttributeDataType));
            parameters.Add(new($"{prefix}.Value.StringValue", value));
        }

        // Publish to a standard topic is not idempotent: sent at most once past a timeout or a lost answer, which may have
        // delivered it. A FIFO topic accepts a repeat of a deduplication id within 5 minutes without delivering it again
        // (Amazon SNS API Reference, Publish, MessageDeduplicationId), so the client's own retries are safe there.
        var request = AwsQuery.Request(AwsService.Sns, "Publish", "2010-03-31", parameters) with { Idempotent = message.FifoTopic };
        AwsResponse response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        // A FIFO Publish left unanswered is owed instead: sending it again delivers it at most once (within 5 minutes).
        catch (Exception e) when (!message.FifoTopic && e is not AwsServiceException && !AwsRetryClassifier.NeverSent(e) && AwsRetryClassifier.IsTransient(e, cancellationToken))
        {
            throw new PublishOutcomeUnknownException($"SNS Publish to {message.TopicArn} was sent and not answered ({e.GetType().Name}: {e.Message}).", e);
        }

        return AwsQuery.RequiredElement(response, "MessageId");
    }

    // SNS would refuse these with InvalidParameter; catching them here makes the bug visible at its source.
    private static void Validate(SnsMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrEmpty(message.TopicArn);
        ArgumentException.ThrowIfNullOrEmpty(message.Message);
        // The formatter keeps every notification within this; reaching it here is a bug, not an input.
        if (NotificationLimits.MessageBudget(null, message.Attributes ?? new Dictionary<string, string>()) < Encoding.UTF8.GetByteCount(message.Message))
        {
            throw new ArgumentException($"SNS message and attributes exceed {MaxMessageBytes} bytes.", nameof(message));
        }

        // SNS delivers a message with more attributes to no raw-delivery SQS subscription; the formatter stays within it.
        if (message.Attributes is { Count: > NotificationLimits.MaxAttributes })
        {
            throw new ArgumentException($"SNS message has {message.Attributes.Count} attributes; at most {NotificationLimits.MaxAttributes} reach every subscription.", nameof(message));
        }

        if (message.Subject is { } subject && (subject.Length > MaxSubjectLength || subject.Length == 0 || subject.Any(char.IsControl)))
        {
            throw new ArgumentException($"SNS subject must be 1-{MaxSubjectLength} characters without line breaks or control characters.", nameof(message));
        }

        if (message.FifoTopic && (!IsFifoToken(message.DeduplicationId) || !IsFifoToken(message.GroupId)))
        {
            throw new ArgumentException("A FIFO topic takes a MessageGroupId and a MessageDeduplicationId of 1-128 letters, digits and punctuation.", nameof(message));
        }

        if (message.MessageStructure is not null and not "json")
        {
            throw new ArgumentException("SNS MessageStructure must be 'json' or absent.", nameof(message));
        }
    }

    // MessageGroupId and MessageDeduplicationId: up to 128 alphanumeric characters and punctuation (Publish).
    private static bool IsFifoToken(string? token) =>
        token is { Length: > 0 and <= 128 } && token.All(c => c is > ' ' and <= '~');
}
