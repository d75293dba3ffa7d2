using Remediator.Aws.Signing;
using Remediator.Core.Ports;

namespace Remediator.Aws.Http;

/// <summary>The final answer to an <see cref="AwsRequest"/>; <see cref="Error"/> is set for non-2xx statuses.</summary>
public sealed record AwsResponse(int StatusCode, byte[] Body, IReadOnlyDictionary<string, string> Headers, AwsServiceException? Error)
{
    /// <summary>True for 2xx.</summary>
    public bool IsSuccess => Error is null;

    /// <summary>The request id from the headers, if any.</summary>
    public string? RequestId => Header(AwsHeaders.RequestId) ?? Header(AwsHeaders.AmzRequestId);

    /// <summary>A header value by case-insensitive name.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
