using Remediator.Aws.Signing;

namespace Remediator.Sandbox.Http;

/// <summary>Resolves JSON 1.1 calls: <c>POST /</c> with <c>X-Amz-Target: {prefix}.{Operation}</c>.</summary>
internal static class JsonTarget
{
    public static ServiceCall? Resolve(SandboxRequest request, string service, string prefix, IReadOnlyCollection<string> operations)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = request.Header(AwsHeaders.Target);
        if (request.Method != "POST" || target is null || !target.StartsWith(prefix + ".", StringComparison.Ordinal))
        {
            return null;
        }

        var operation = target[(prefix.Length + 1)..];
        return operations.Contains(operation) ? new ServiceCall(service, operation, new Dictionary<string, string>()) : null;
    }
}
