using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Remediator.Sandbox.Http;
using Remediator.Sandbox.State;

namespace Remediator.Sandbox.Sns;

/// <summary>SNS (query protocol, <c>2010-03-31</c>): CreateTopic and Publish, recording every message.</summary>
internal sealed partial class SnsService(SandboxEnvironment env) : IAwsService
{
    /// <summary>
    /// SNS's message limit: 256 KB of UTF-8, attributes included ("All parts of the message attribute, including name,
    /// type, and value, are included in the message size restriction": Amazon SNS API Reference, MessageAttributeValue).
    /// </summary>
    public const int MaxMessageBytes = 262144;

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

        var arn = $"arn:aws:sns:{env.Region}:{env.AccountId}:{name}";

        // CreateTopic is idempotent for an existing name, as in SNS.
        if (!env.Data.Topics.ContainsKey(arn))
        {
            env.Data.Topics[arn] = new Topic(arn, name, Entries(form, "Attributes.entry", "key", "value"), Entries(form, "Tags.member", "Key", "Value"));
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

        if (!env.Data.Topics.ContainsKey(topicArn))
        {
            return new ServiceError(404, "NotFound", "Topic does not exist");
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

        var messageId = env.Ids.Guid();
        env.Data.SnsMessages.Add(new PublishedMessage
        {
            MessageId = messageId,
            TopicArn = topicArn,
            Subject = subject,
            Message = message,
            MessageStructure = structure,
            Messages = messages,
            MessageAttributes = attributes,
            Timestamp = env.Now,
        });
        return Reply.QueryResult(XmlNamespace!, "Publish", [new XElement("MessageId", messageId)], request.RequestId);
    }

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
