using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Remediator.Aws.Endpoints;
using Remediator.Aws.Signing;

namespace Remediator.Aws.Http;

/// <summary>JSON bodies in and out, always through source-generated type info.</summary>
public static class AwsJson
{
    /// <summary>Content type of rest-json requests.</summary>
    public const string RestJsonContentType = "application/json";

    /// <summary>Serializes a request body.</summary>
    public static byte[] Serialize<T>(T value, JsonTypeInfo<T> typeInfo) => JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);

    /// <summary>Deserializes a response body; an empty or <c>null</c> body is a protocol error.</summary>
    public static T Deserialize<T>(AwsResponse response, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Body.Length == 0)
        {
            throw new InvalidDataException($"Expected a JSON body of {typeof(T).Name}, got an empty answer (HTTP {response.StatusCode}).");
        }

        return JsonSerializer.Deserialize(response.Body, typeInfo)
            ?? throw new InvalidDataException($"Expected a JSON body of {typeof(T).Name}, got null.");
    }

    /// <summary>A JSON 1.0/1.1 call: POST / with <c>X-Amz-Target: {targetPrefix}.{operation}</c>.</summary>
    public static AwsRequest JsonProtocolRequest<T>(AwsService service, string targetPrefix, string jsonVersion, string operation, T body, JsonTypeInfo<T> typeInfo) =>
        new(
            service,
            operation,
            HttpMethod.Post,
            "/",
            Body: Serialize(body, typeInfo),
            ContentType: $"application/x-amz-json-{jsonVersion}",
            Headers: [new(AwsHeaders.Target, $"{targetPrefix}.{operation}")]);
}
