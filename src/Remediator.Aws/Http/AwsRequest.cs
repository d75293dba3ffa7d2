using Remediator.Aws.Endpoints;

namespace Remediator.Aws.Http;

/// <summary>One AWS call before signing: rebuilt into a fresh <see cref="HttpRequestMessage"/> for every attempt.</summary>
/// <param name="Service">Target service (endpoint and signing name).</param>
/// <param name="Operation">Operation name, for errors and logs.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Wire path, each segment already percent-encoded (see <see cref="AwsPath"/>).</param>
/// <param name="Query">Decoded query parameters; encoded on the wire exactly as SigV4 canonicalizes them.</param>
/// <param name="Body">Request body, if any.</param>
/// <param name="ContentType">Body media type, e.g. <c>application/x-amz-json-1.1</c>.</param>
/// <param name="Headers">Extra headers, e.g. <c>X-Amz-Target</c>.</param>
/// <param name="MaxResponseBytes">A tighter bound than the client's on this call's answer, if any.</param>
/// <param name="Idempotent">
/// False for a call that must not be repeated once it may have reached the service (SNS Publish): it is retried only
/// after an error answer or a failure to connect, never after a timeout or a lost answer.
/// </param>
public sealed record AwsRequest(
    AwsService Service,
    string Operation,
    HttpMethod Method,
    string Path,
    IReadOnlyList<KeyValuePair<string, string>>? Query = null,
    byte[]? Body = null,
    string? ContentType = null,
    IReadOnlyList<KeyValuePair<string, string>>? Headers = null,
    int? MaxResponseBytes = null,
    bool Idempotent = true);
