namespace Remediator.Core.Diagnosis;

/// <summary>What one failing HTTP API access-log line says.</summary>
internal readonly record struct AccessLogFailure(
    FindingKind Kind,
    string? RequestId,
    string? ApiId,
    string? Stage,
    string? HttpMethod,
    string? Path,
    string? RouteKey);
