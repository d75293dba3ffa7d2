using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Remediator.Sandbox.Http;

/// <summary>Reads a JSON request body into a wire DTO; an empty body reads as <c>{}</c> like AWS does.</summary>
internal static class JsonBody
{
    public static bool TryRead<T>(SandboxRequest request, JsonTypeInfo<T> info, [NotNullWhen(true)] out T? value, out string error)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        error = string.Empty;
        try
        {
            value = request.Body.Length == 0
                ? JsonSerializer.Deserialize("{}", info)
                : JsonSerializer.Deserialize(request.Body, info);
            if (value is null)
            {
                error = "Request body must be a JSON object.";
                return false;
            }

            return true;
        }
        catch (JsonException ex)
        {
            // The message names the member and position, which is what AWS's SerializationException conveys too.
            error = ex.Message;
            value = null;
            return false;
        }
    }
}
