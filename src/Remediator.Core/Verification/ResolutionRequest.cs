using Remediator.Core.Diagnosis;
using Remediator.Core.Notifications;
using Remediator.Core.Policy;

namespace Remediator.Core.Verification;

/// <summary>What the logs say about a refused call, to be checked against the control plane.</summary>
/// <param name="Api">The API (its id from the log group or access-log line; region and account from the runtime).</param>
/// <param name="Stage">The stage the log names.</param>
/// <param name="Kind">Whether the integration or the authorizer was refused.</param>
/// <param name="ApiTypeHint">The API type the log shape implies (unknown when it implies none).</param>
/// <param name="HttpMethod">The logged request method, if any.</param>
/// <param name="Path">The logged concrete request path, if any.</param>
/// <param name="RouteKey">The logged route key, if any.</param>
public sealed record ResolutionRequest(
    ApiTarget Api,
    string Stage,
    TargetKind Kind,
    ApiType ApiTypeHint,
    string? HttpMethod,
    string? Path,
    string? RouteKey)
{
    /// <summary>True when the logs name the method and path of the request.</summary>
    public bool KnowsMethodAndPath => HttpMethod is not null && Path is not null;

    /// <summary>The logged method and path, quoted: the log's words inside a sentence of Remediator's.</summary>
    public string QuotedRequest => UntrustedText.Quote($"{HttpMethod} {Path}", DiagnosisLimits.MaxFieldChars);

    /// <summary>The logged route key, quoted.</summary>
    public string QuotedRoute => UntrustedText.Quote(RouteKey, DiagnosisLimits.MaxFieldChars);
}
