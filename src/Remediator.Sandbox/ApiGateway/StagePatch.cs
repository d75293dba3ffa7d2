using System.Globalization;
using Remediator.Sandbox.Http;

namespace Remediator.Sandbox.ApiGateway;

/// <summary>The result of applying patch operations: the new stage, or the error for the first bad operation.</summary>
internal sealed record StagePatchResult(Stage? Stage, ServiceError? Error);

/// <summary>
/// UpdateStage's JSON-Patch subset: <c>/variables/{name}</c>, <c>/description</c>, <c>/deploymentId</c>,
/// <c>/tracingEnabled</c>, <c>/cacheClusterEnabled</c>, <c>/accessLogSettings/*</c> and method settings
/// <c>/{resourcePath}/{method}/logging/loglevel</c> (and dataTrace, metrics, throttling); <c>~1</c> escapes <c>/</c>.
/// Method settings are keyed as sent, escaped: <c>/~1pets~1{id}/GET/...</c> keys <c>~1pets~1{id}/GET</c>, <c>/*/*/...</c>
/// keys <c>*/*</c> (aws-cli's own update-stage examples show these keys in GetStage's answer).
/// </summary>
internal static class StagePatch
{
    private static readonly string[] LogLevels = ["OFF", "ERROR", "INFO"];

    public static StagePatchResult Apply(Stage stage, IReadOnlyList<PatchOperation> operations, Func<string, bool> deploymentExists)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(deploymentExists);
        var current = stage;
        foreach (var operation in operations)
        {
            var (next, error) = ApplyOne(current, operation, deploymentExists);
            if (error is not null)
            {
                return new(null, error);
            }

            current = next!;
        }

        return new(current, null);
    }

    private static (Stage? Stage, ServiceError? Error) ApplyOne(Stage stage, PatchOperation operation, Func<string, bool> deploymentExists)
    {
        var op = operation.Op;
        var path = operation.Path ?? string.Empty;
        if (op is not ("add" or "replace" or "remove"))
        {
            return (null, ApiGatewayErrors.BadRequest($"Invalid patch operation specified. Must be 'add'|'remove'|'replace', not '{op}'"));
        }

        var segments = path.Split('/');
        var value = operation.Value;
        return segments switch
        {
            ["", "variables", var name] => op == "remove"
                ? (stage with { Variables = Without(stage.Variables, Unescape(name)) }, null)
                : (stage with { Variables = With(stage.Variables, Unescape(name), value ?? string.Empty) }, null),
            ["", "description"] => (stage with { Description = op == "remove" ? null : value }, null),
            ["", "deploymentId"] when value is not null && deploymentExists(value) => (stage with { DeploymentId = value }, null),
            ["", "deploymentId"] => (null, ApiGatewayErrors.BadRequest($"Invalid deployment identifier specified: {value}")),
            ["", "tracingEnabled"] when bool.TryParse(value, out var tracing) => (stage with { TracingEnabled = tracing }, null),
            ["", "cacheClusterEnabled"] when bool.TryParse(value, out var cache) => (stage with { CacheClusterEnabled = cache }, null),
            ["", "accessLogSettings"] when op == "remove" => (stage with { AccessLogSettings = null }, null),
            ["", "accessLogSettings", "destinationArn"] => (stage with { AccessLogSettings = new(stage.AccessLogSettings?.Format, value) }, null),
            ["", "accessLogSettings", "format"] => (stage with { AccessLogSettings = new(value, stage.AccessLogSettings?.DestinationArn) }, null),
            ["", var resource, var method, var group, var setting] => MethodSetting(stage, $"{resource}/{method}", $"{group}/{setting}", value, path),
            _ => (null, InvalidPath(op, path)),
        };
    }

    private static (Stage? Stage, ServiceError? Error) MethodSetting(Stage stage, string key, string setting, string? value, string path)
    {
        var current = stage.MethodSettings.GetValueOrDefault(key) ?? new MethodSetting();
        MethodSetting? updated = setting switch
        {
            "logging/loglevel" when value is not null && LogLevels.Contains(value.ToUpperInvariant()) => current with { LoggingLevel = value.ToUpperInvariant() },
            "logging/dataTrace" when bool.TryParse(value, out var trace) => current with { DataTraceEnabled = trace },
            "metrics/enabled" when bool.TryParse(value, out var metrics) => current with { MetricsEnabled = metrics },
            "throttling/burstLimit" when int.TryParse(value, CultureInfo.InvariantCulture, out var burst) => current with { ThrottlingBurstLimit = burst },
            "throttling/rateLimit" when double.TryParse(value, CultureInfo.InvariantCulture, out var rate) => current with { ThrottlingRateLimit = rate },
            _ => null,
        };
        return updated is null
            ? (null, ApiGatewayErrors.BadRequest($"Invalid method setting path or value: {path} = {value}"))
            : (stage with { MethodSettings = new Dictionary<string, MethodSetting>(stage.MethodSettings, StringComparer.Ordinal) { [key] = updated } }, null);
    }

    private static ServiceError InvalidPath(string op, string path) =>
        ApiGatewayErrors.BadRequest($"Invalid patch path '{path}' specified for op '{op}'. Must be one of: [/variables/<name>, /description, /deploymentId, /tracingEnabled, /cacheClusterEnabled, /accessLogSettings/*, /<resourcePath>/<method>/<setting>]");

    private static string Unescape(string segment) => segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string>? variables, string name, string value) =>
        new(variables ?? new Dictionary<string, string>(), StringComparer.Ordinal) { [name] = value };

    private static Dictionary<string, string>? Without(IReadOnlyDictionary<string, string>? variables, string name)
    {
        var copy = new Dictionary<string, string>(variables ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        copy.Remove(name);
        return copy.Count == 0 ? null : copy;
    }
}
