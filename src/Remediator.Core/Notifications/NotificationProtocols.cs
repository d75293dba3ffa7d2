namespace Remediator.Core.Notifications;

/// <summary>The keys of a <c>MessageStructure=json</c> message: what each kind of SNS subscription receives.</summary>
public static class NotificationProtocols
{
    /// <summary>Any protocol without its own key; the text a person reads.</summary>
    public const string Default = "default";

    /// <summary>E-mail subscriptions: the same text.</summary>
    public const string Email = "email";

    /// <summary>HTTPS subscriptions, as AWS Chatbot / Amazon Q Developer in chat applications uses: the custom-notification JSON.</summary>
    public const string Https = "https";

    /// <summary>SQS subscriptions: the machine-readable outcome document.</summary>
    public const string Sqs = "sqs";

    /// <summary>Lambda subscriptions: the same document.</summary>
    public const string Lambda = "lambda";

    /// <summary>The value of SNS's <c>MessageStructure</c> for per-protocol messages.</summary>
    public const string MessageStructure = "json";
}
