using Remediator.Core.Ports;

namespace Remediator.Core.Notifications;

/// <summary>
/// A formatted notification: the e-mail subject, the text a person reads (<c>default</c> and <c>email</c>), the chat
/// card (<c>https</c>), the machine-readable document (<c>sqs</c> and <c>lambda</c>) and the attributes SNS filter
/// policies match on.
/// </summary>
public sealed record Notification(string Subject, string Body, IReadOnlyDictionary<string, string> Attributes, string Chat, string Document)
{
    /// <summary>The SNS Publish call for <paramref name="topicArn"/>: one message per protocol (<c>MessageStructure=json</c>).</summary>
    /// <param name="topicArn">The topic.</param>
    /// <param name="key">What makes a repeat of this notification the same one (a FIFO topic delivers it once).</param>
    public SnsMessage ToSnsMessage(string topicArn, NotificationKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(topicArn, NotificationEnvelope.Write(Body, Chat, Document), Subject, NotificationProtocols.MessageStructure, Attributes, key.DeduplicationId, key.GroupId);
    }
}
