namespace Remediator.Core.Intake;

/// <summary>
/// Field names and values of the CloudWatch Logs subscription wire format, written once: the decoder reads them,
/// the encoder in Remediator.Emulation writes them.
/// </summary>
public static class SubscriptionFields
{
    public static ReadOnlySpan<byte> AwsLogs => "awslogs"u8;
    public static ReadOnlySpan<byte> Data => "data"u8;
    public static ReadOnlySpan<byte> MessageType => "messageType"u8;
    public static ReadOnlySpan<byte> Owner => "owner"u8;
    public static ReadOnlySpan<byte> LogGroup => "logGroup"u8;
    public static ReadOnlySpan<byte> LogStream => "logStream"u8;
    public static ReadOnlySpan<byte> SubscriptionFilters => "subscriptionFilters"u8;
    public static ReadOnlySpan<byte> LogEvents => "logEvents"u8;
    public static ReadOnlySpan<byte> PolicyLevel => "policyLevel"u8;
    public static ReadOnlySpan<byte> Id => "id"u8;
    public static ReadOnlySpan<byte> Timestamp => "timestamp"u8;
    public static ReadOnlySpan<byte> Message => "message"u8;

    public const string DataMessage = "DATA_MESSAGE";
    public const string ControlMessage = "CONTROL_MESSAGE";
}
