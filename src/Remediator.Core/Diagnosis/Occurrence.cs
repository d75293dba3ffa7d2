using Remediator.Core.Intake;

namespace Remediator.Core.Diagnosis;

/// <summary>One failed request (or one failing access-log line), before coalescing.</summary>
/// <param name="Evidence">The failure lines, in arrival order.</param>
/// <param name="Illustration">A context line worth quoting (the logged response body of a malformed response).</param>
internal sealed record Occurrence(
    FindingKind Kind,
    ApiType ApiType,
    string? ApiId,
    string? Stage,
    string? HttpMethod,
    string? ResourcePath,
    string? RouteKey,
    string? FunctionArn,
    string? RequestId,
    IReadOnlyList<LogEvent> Evidence,
    LogEvent? Illustration = null)
{
    public RootCauseKey Key => RootCauseKey.Of(Kind, ApiId, Stage, HttpMethod, ResourcePath, RouteKey, FunctionArn);
}
