using Remediator.Core.Diagnosis;
using Remediator.Core.Policy;

namespace Remediator.Core.Verification;

/// <summary>
/// One integration or authorizer the control plane says served the failed request, with everything a
/// grant needs. Every value here comes from the control plane, except <see cref="RequestMethod"/> and
/// <see cref="RequestPath"/>, the logged request that was matched to it.
/// </summary>
public sealed record ResolvedTarget
{
    /// <summary>The API as the control plane reports it.</summary>
    public required ApiType ApiType { get; init; }

    /// <summary>Region, account and id of the API.</summary>
    public required ApiTarget Api { get; init; }

    /// <summary>The stage that served the request.</summary>
    public required string Stage { get; init; }

    /// <summary>Integration or authorizer.</summary>
    public required TargetKind Kind { get; init; }

    /// <summary>REST: the resource template, e.g. <c>/pets/{id}</c>.</summary>
    public string? ResourcePath { get; init; }

    /// <summary>REST: the method as configured (<c>GET</c> or <c>ANY</c>).</summary>
    public string? HttpMethod { get; init; }

    /// <summary>HTTP and WebSocket: the route key, e.g. <c>GET /items</c>, <c>$default</c>, <c>$connect</c>.</summary>
    public string? RouteKey { get; init; }

    /// <summary>The authorizer's id when <see cref="Kind"/> is <see cref="TargetKind.Authorizer"/>.</summary>
    public string? AuthorizerId { get; init; }

    /// <summary>Integration (or authorizer) type, e.g. <c>AWS_PROXY</c>, <c>TOKEN</c>.</summary>
    public string? IntegrationType { get; init; }

    /// <summary>The URI as configured (stage variable references unresolved).</summary>
    public string? Uri { get; init; }

    /// <summary>The IAM role API Gateway invokes with, when the integration or authorizer has one.</summary>
    public string? Credentials { get; init; }

    /// <summary>What the URI resolves to on this stage.</summary>
    public required UriResolution Lambda { get; init; }

    /// <summary>The logged request method this target was matched from, when known.</summary>
    public string? RequestMethod { get; init; }

    /// <summary>The logged concrete request path this target was matched from, when known.</summary>
    public string? RequestPath { get; init; }

    /// <summary>True when the request was not known and this target came from checking the whole stage.</summary>
    public bool FromStageSweep { get; init; }

    /// <summary>What was read to get here, one sentence per step.</summary>
    public IReadOnlyList<string> Trail { get; init; } = [];

    /// <summary>A short name for people: <c>GET /pets/{id}</c>, <c>route $connect</c>, <c>authorizer abc123</c>.</summary>
    public string Describe() => Kind == TargetKind.Authorizer
        ? $"authorizer {AuthorizerId}"
        : RouteKey is not null ? $"route {RouteKey}" : $"{HttpMethod} {ResourcePath}";
}
