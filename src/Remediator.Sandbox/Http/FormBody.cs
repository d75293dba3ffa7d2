using Remediator.Aws.Signing;

namespace Remediator.Sandbox.Http;

/// <summary>Query-protocol parameters: the form-encoded body plus the URL query, decoded.</summary>
internal static class FormBody
{
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(SandboxRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var contentType = request.Header("Content-Type") ?? string.Empty;
        var form = contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            ? AwsRequestSigner.ParseQuery(request.BodyText.Replace('+', ' '))
            : [];
        return [.. request.Query, .. form];
    }

    /// <summary>The <c>Action</c> parameter, or null.</summary>
    public static string? Action(SandboxRequest request) => Parse(request).FirstOrDefault(p => p.Key == "Action").Value;

    /// <summary>The first value of a parameter, or null.</summary>
    public static string? Value(IReadOnlyList<KeyValuePair<string, string>> form, string name) =>
        form.FirstOrDefault(p => p.Key.Equals(name, StringComparison.Ordinal)).Value;
}
