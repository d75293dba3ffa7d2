using System.Text;

namespace Remediator.Core.Notifications;

/// <summary>The bounds of every notification (docs/ARCHITECTURE.md, "Safety rules" 12), in one place.</summary>
public static class NotificationLimits
{
    /// <summary>SNS takes subjects shorter than 100 characters.</summary>
    public const int MaxSubjectLength = 99;

    /// <summary>
    /// SNS's limit on one message, in UTF-8 bytes: the message and every attribute's name, type and value together
    /// (Amazon SNS API Reference, MessageAttributeValue).
    /// </summary>
    public const int MaxMessageBytes = 256 * 1024;

    /// <summary>One line of a body: a verified step, the detail, a quoted log line.</summary>
    public const int MaxLineChars = 2048;

    /// <summary>A statement or a command, which Remediator builds from checked values (a Lambda policy holds at most 20 KB).</summary>
    public const int MaxBlockChars = 24 * 1024;

    /// <summary>A resource's own name (API, authorizer) quoted in a verified step.</summary>
    public const int MaxNameChars = 256;

    /// <summary>Items of one list (verified steps, evidence lines, request ids) shown at most.</summary>
    public const int MaxListItems = 50;

    /// <summary>
    /// Message attributes per message at most. SNS delivers a message with more than 10 attributes to no Amazon SQS
    /// subscription with raw message delivery (SQS takes at most 10), so every notification stays within it.
    /// </summary>
    public const int MaxAttributes = 10;

    /// <summary>The data type of every attribute Remediator sends.</summary>
    public const string AttributeDataType = "String";

    /// <summary>
    /// What is left of <see cref="MaxMessageBytes"/> for the message once <paramref name="attributes"/> (name, type and
    /// value each) and the subject are counted.
    /// </summary>
    public static int MessageBudget(string? subject, IReadOnlyDictionary<string, string> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        int used = subject is null ? 0 : Encoding.UTF8.GetByteCount(subject);
        foreach ((string name, string value) in attributes)
        {
            used += Encoding.UTF8.GetByteCount(name) + AttributeDataType.Length + Encoding.UTF8.GetByteCount(value);
        }

        return MaxMessageBytes - used;
    }
}
