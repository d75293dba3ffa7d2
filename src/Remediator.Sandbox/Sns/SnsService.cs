using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Remediator.Sandbox.Http;
using Remediator.Sandbox.State;

namespace Remediator.Sandbox.Sns;

/// <summary>
/// SNS (query protocol, <c>2010-03-31</c>): CreateTopic and Publish, recording every message delivered. A FIFO topic
/// (<c>FifoTopic=true</c>, a name ending in <c>.fifo</c>) requires a message group and a deduplication id (or
/// content-based deduplication) and accepts a repeat of a deduplication id within 5 minutes without delivering it,
/// answering with the first message's id (Amazon SNS API Reference, Publish).
/// </summary>
internal sealed partial class SnsService(SandboxEnvironment env) : IAwsService
{
    /// <summary>
    /// SNS's message limit: 256 KB of UTF-8, attributes included ("All parts of the message attribute, including name,
    /// type, and value, are included in the message size restriction": Amazon SNS API Reference, MessageAttributeValue).
    /// </summary>
    public const int MaxMessageBytes = 262144;

    /// <summary>How long a FIFO topic remembers a deduplication id.</summary>
    public static readonly TimeSpan DeduplicationInterval = TimeSpan.FromMinutes(5);

    private const string FifoNameError =
        "Invalid parameter: Fifo Topic names must end with .fifo and must be made up of only uppercase and lowercase ASCII letters, numbers, underscores, and hyphens, and must be between 1 and 256 characters long.";

    private static readonly string[] Operations = ["CreateTopic", "Publish"];

    public string SigningName => "sns";

    public string Name => "sns";

    public AwsProtocol Protocol => AwsProtocol.Query;

    public string? XmlNamespace => "http://sns.amazonaws.com/doc/2010-03-31/";

    public ServiceCall? Resolve(SandboxRequest request) =>
        FormBody.Action(request) is { } action && Operations.Contains(action)
            ? new ServiceCall(Name, action, new Dictionary<string, string>())
            : null;

    public ServiceResult Execute(ServiceCall call, SandboxRequest request)
    {
        ArgumentNullException.ThrowIfNull(call);
        var form = FormBody.Parse(request);
        return call.Operation == "CreateTopic" ? CreateTopic(form, request) : Publish(form, request);
    }

    private ServiceResult CreateTopic(IReadOnlyList<KeyValuePair<string, string>> form, SandboxRequest request)
    {
        var name = FormBody.Value(form, "Name");
        if (name is null || !TopicNamePattern().IsMatch(name))
        {
            return Invalid("Invalid parameter: Topic Name");
        }

        var attributes = Entries(form, "Attributes.entry", "key", "value");
        var fifo = attributes.TryGetValue("FifoTopic", out var fifoValue) && string.Equals(fifoValue, "true", StringComparison.OrdinalIgnoreCase);
        if (fifo != name.EndsWith(".fifo", StringComparison.Ordinal))
        {
            return Invalid(FifoNameError);
        }

        var arn = $"arn:aws:sns:{env.Region}:{env.AccountId}:{name}";

        // CreateTopic is idempotent for an existing name, as in SNS.
        if (!env.Data.Topics.ContainsKey(arn))
        {
            env.Data.Topics[arn] = new Topic(arn, name, attributes, Entries(form, "Tags.member", "Key", "Value"));
        }

        return Reply.QueryResult(XmlNamespace!, "CreateTopic", [new XElement("TopicArn", arn)], request.RequestId);
    }

    private ServiceResult Publish(IReadOnlyList<KeyValuePair<string, string>> form, SandboxRequest request)
    {
        var topicArn = FormBody.Value(form, "TopicArn") ?? FormBody.Value(form, "TargetArn");
        var message = FormBody.Value(form, "Message");
        var subject = FormBody.Value(form, "Subject");
        var structure = FormBody.Value(form, "MessageStructure");
        if (message is null)
        {
            return Invalid("Invalid parameter: Empty message");
        }

        if (topicArn is null)
        {
            return Invalid("Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter");
        }

        if (!env.Data.Topics.TryGetValue(topicArn, out var topic))
        {
            return new ServiceError(404, "NotFound", "Topic does not exist");
        }

        var groupId = FifoBody(form, "MessageGroupId");
        var deduplicationId = FifoBody(form, "MessageDeduplicationId");
        if (groupId is { Length: 0 } || deduplicationId is { Length: 0 })
        {
            return Invalid("Invalid parameter: MessageGroupId and MessageDeduplicationId must be 1-128 letters, digits and punctuation");
        }

        var fifo = topic.Attributes.TryGetValue("FifoTopic", out var fifoValue) && string.Equals(fifoValue, "true", StringComparison.OrdinalIgnoreCase);
        if (fifo && groupId is null)
        {
            return Invalid("Invalid parameter: The MessageGroupId parameter is required for FIFO topics");
        }

        if (fifo && deduplicationId is null)
        {
            if (!(topic.Attributes.TryGetValue("ContentBasedDeduplication", out var contentBased) && string.Equals(contentBased, "true", StringComparison.OrdinalIgnoreCase)))
            {
                return Invalid("Invalid parameter: The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
            }

            deduplicationId = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(message)));
        }

        // Standard topics take a message group (forwarded to SQS fair queues) but no deduplication id.
        if (!fifo && deduplicationId is not null)
        {
            return Invalid("Invalid parameter: MessageDeduplicationId Reason: The request includes MessageDeduplicationId parameter that is not valid for this topic type");
        }

        if (subject is not null && (subject.Length is 0 or >= 100 || subject.Any(c => char.IsControl(c))))
        {
            return Invalid("Invalid parameter: Subject");
        }

        Dictionary<string, string>? messages = null;
        if (structure is not null)
        {
            if (structure != "json")
            {
                return Invalid("Invalid parameter: MessageStructure");
            }

            if ((messages = ProtocolMessages(message)) is null)
            {
                return Invalid("Invalid parameter: Message Structure - JSON message body failed to parse");
            }

            if (!messages.ContainsKey("default"))
            {
                return Invalid("Invalid parameter: Message Structure - No default entry in JSON message body");
            }
        }

        if (!TryReadAttributes(form, out var attributes, out var attributeError))
        {
            return Invalid(attributeError);
        }

        if (Encoding.UTF8.GetByteCount(message) + attributes.Sum(a => AttributeBytes(a.Key, a.Value)) > MaxMessageBytes)
        {
            return Invalid("Invalid parameter: Message too long");
        }

        if (fifo && env.Data.SnsMessages.FindLast(m => m.TopicArn == topicArn && m.MessageDeduplicationId == deduplicationId) is { } first
            && env.Now - first.Timestamp < DeduplicationInterval)
        {
            // Accepted and not delivered again: the answer is the first message's.
            return PublishReply(first, request);
        }

        var sequence = fifo ? (env.Data.SnsMessages.Count(m => m.TopicArn == topicArn) + 1).ToString("D20", CultureInfo.InvariantCulture) : null;
        var published = new PublishedMessage
        {
            MessageId = env.Ids.Guid(),
            TopicArn = topicArn,
            Subject = subject,
            Message = message,
            MessageStructure = structure,
            Messages = messages,
            MessageAttributes = attributes,
            Timestamp = env.Now,
            MessageGroupId = groupId,
            MessageDeduplicationId = fifo ? deduplicationId : null,
            SequenceNumber = sequence,
        };
        env.Data.SnsMessages.Add(published);
        return PublishReply(published, request);
    }

    private ServiceResult PublishReply(PublishedMessage message, SandboxRequest request) =>
        Reply.QueryResult(
            XmlNamespace!,
            "Publish",
            message.SequenceNumber is { } sequence
                ? [new XElement("MessageId", message.MessageId), new XElement("SequenceNumber", sequence)]
                : [new XElement("MessageId", message.MessageId)],
            request.RequestId);

    // A FIFO parameter: null when absent, empty when present and not of its shape (1-128 letters, digits, punctuation).
    private static string? FifoBody(IReadOnlyList<KeyValuePair<string, string>> form, string name) =>
        FormBody.Value(form, name) is not { } value ? null
        : value.Length is > 0 and <= 128 && value.All(c => c is > ' ' and <= '~') ? value
        : string.Empty;

    private static ServiceError Invalid(string message) => new(400, "InvalidParameter", message);

    private static int AttributeBytes(string name, MessageAttribute value) =>
        Encoding.UTF8.GetByteCount(name) + Encoding.UTF8.GetByteCount(value.DataType)
        + Encoding.UTF8.GetByteCount(value.StringValue ?? string.Empty) + Encoding.UTF8.GetByteCount(value.BinaryValue ?? string.Empty);

    // A JSON object of protocol names and the text each protocol's subscriptions receive; null when it is not one.
    private static Dictionary<string, string>? ProtocolMessages(string message)
    {
        try
        {
            using var document = JsonDocument.Parse(message);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var messages = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in document.RootElement.EnumerateObject())
            {
                if (entry.Value.ValueKind != JsonValueKind.String || !messages.TryAdd(entry.Name, entry.Value.GetString()!))
                {
                    return null;
                }
            }

            return messages;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Reads <c>MessageAttributes.entry.N.Name</c> / <c>.Value.DataType</c> / <c>.Value.StringValue</c> / <c>.Value.BinaryValue</c>.</summary>
    private static bool TryReadAttributes(IReadOnlyList<KeyValuePair<string, string>> form, out Dictionary<string, MessageAttribute> attributes, out string error)
    {
        attributes = new Dictionary<string, MessageAttribute>(StringComparer.Ordinal);
        error = string.Empty;
        for (var n = 1; FormBody.Value(form, $"MessageAttributes.entry.{n}.Name") is { } name; n++)
        {
            var prefix = string.Create(CultureInfo.InvariantCulture, $"MessageAttributes.entry.{n}.Value.");
            var dataType = FormBody.Value(form, prefix + "DataType");
            var stringValue = FormBody.Value(form, prefix + "StringValue");
            var binaryValue = FormBody.Value(form, prefix + "BinaryValue");
            if (dataType is null || (stringValue is null && binaryValue is null))
            {
                error = $"The message attribute '{name}' must contain non-empty message attribute value for message attribute type '{dataType}'.";
                return false;
            }

            attributes[name] = new MessageAttribute(dataType, stringValue, binaryValue);
        }

        return true;
    }

    private static Dictionary<string, string> Entries(IReadOnlyList<KeyValuePair<string, string>> form, string prefix, string keyName, string valueName)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var n = 1; FormBody.Value(form, $"{prefix}.{n}.{keyName}") is { } key; n++)
        {
            entries[key] = FormBody.Value(form, $"{prefix}.{n}.{valueName}") ?? string.Empty;
        }

        return entries;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_\-]{1,256}(\.fifo)?$")]
    private static partial Regex TopicNamePattern();
}
