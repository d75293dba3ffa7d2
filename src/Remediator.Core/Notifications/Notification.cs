using Remediator.Core.Ports;

namespace Remediator.Core.Notifications;

/// <summary>A formatted notification: email subject, plain-text body, and the attributes SNS filter policies match on.</summary>
public sealed record Notification(string Subject, string Body, IReadOnlyDictionary<string, string> Attributes)
{
    /// <summary>The SNS Publish call for <paramref name="topicArn"/>.</summary>
    public SnsMessage ToSnsMessage(string topicArn) => new(topicArn, Body, Subject, null, Attributes);
}
