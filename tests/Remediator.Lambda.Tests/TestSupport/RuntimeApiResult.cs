namespace Remediator.Lambda.Tests.TestSupport;

/// <summary>What the runtime posted for one invocation (or for init).</summary>
/// <param name="RequestId">The invocation, or null for an init error.</param>
/// <param name="IsError">True for an error post.</param>
/// <param name="Body">The posted body.</param>
/// <param name="ContentType">The posted content type.</param>
/// <param name="ErrorTypeHeader">The <c>Lambda-Runtime-Function-Error-Type</c> header, if any.</param>
public sealed record RuntimeApiResult(
    string? RequestId,
    bool IsError,
    byte[] Body,
    string? ContentType,
    string? ErrorTypeHeader)
{
    /// <summary>When the fake had read the whole post (wall clock).</summary>
    public DateTimeOffset ReceivedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>The body as UTF-8 text.</summary>
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);
}
