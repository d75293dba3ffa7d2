namespace Remediator.Core.Intake;

/// <summary>The <c>messageType</c> of a subscription payload.</summary>
public enum SubscriptionMessageType
{
    /// <summary>Log events from the subscribed log group.</summary>
    DataMessage,

    /// <summary>A reachability check from CloudWatch Logs; carries no API traffic.</summary>
    ControlMessage,
}
