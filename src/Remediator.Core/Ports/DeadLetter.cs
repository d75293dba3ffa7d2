namespace Remediator.Core.Ports;

/// <summary>One message received from the dead-letter queue.</summary>
/// <param name="MessageId">The queue's id of the message.</param>
/// <param name="ReceiptHandle">What deletes this receipt of it.</param>
/// <param name="Body">The message body: a Lambda on-failure invocation record.</param>
public sealed record DeadLetter(string MessageId, string ReceiptHandle, string Body);
