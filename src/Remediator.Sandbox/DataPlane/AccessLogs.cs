using System.Globalization;
using Remediator.Sandbox.State;

namespace Remediator.Sandbox.DataPlane;

/// <summary>Access-log plumbing shared by REST, HTTP and WebSocket stages.</summary>
internal static class AccessLogs
{
    /// <summary>The log group a destination ARN names (<c>arn:aws:logs:...:log-group:NAME[:*]</c>), or null.</summary>
    public static string? GroupName(string destinationArn)
    {
        ArgumentNullException.ThrowIfNull(destinationArn);
        const string marker = ":log-group:";
        var index = destinationArn.IndexOf(marker, StringComparison.Ordinal);
        if (index < 0)
        {
            return null;
        }

        var name = destinationArn[(index + marker.Length)..];
        return name.EndsWith(":*", StringComparison.Ordinal) ? name[..^2] : name;
    }

    /// <summary>The <c>$context</c> variables every access log can use, plus the outcome-specific ones given.</summary>
    public static Dictionary<string, string?> Context(SandboxEnvironment env, Invocation call, int status, int responseLength, IReadOnlyDictionary<string, string?> outcome)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(outcome);
        var context = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["context.requestId"] = call.RequestId,
            ["context.extendedRequestId"] = call.ExtendedRequestId,
            ["context.apiId"] = call.ApiId,
            ["context.stage"] = call.Stage,
            ["context.httpMethod"] = call.Method,
            ["context.path"] = call.Path,
            ["context.protocol"] = "HTTP/1.1",
            ["context.status"] = status.ToString(CultureInfo.InvariantCulture),
            ["context.responseLength"] = responseLength.ToString(CultureInfo.InvariantCulture),
            ["context.requestTime"] = AccessLogFormatter.RequestTime(call.Time),
            ["context.requestTimeEpoch"] = call.Time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            ["context.identity.sourceIp"] = "127.0.0.1",
            ["context.identity.userAgent"] = call.Headers.FirstOrDefault(h => h.Key.Equals("User-Agent", StringComparison.OrdinalIgnoreCase)).Value,
            ["context.domainName"] = $"{call.ApiId}.execute-api.{env.Region}.amazonaws.com",
            ["context.accountId"] = env.AccountId,
        };
        foreach (var (key, value) in outcome)
        {
            context[key] = value;
        }

        if (context.GetValueOrDefault("context.error.message") is { } message)
        {
            context["context.error.messageString"] = $"\"{message}\"";
        }

        return context;
    }
}
