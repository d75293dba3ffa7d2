using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Notifications;
using Remediator.Core.Ports;

namespace Remediator.Core.Verification;

/// <summary>
/// Asks the control plane what served a refused call (docs/ARCHITECTURE.md, "Verification"): the API's type,
/// its stage, the resource or route, and the integration or authorizer with its function. The log only says
/// where to look.
/// </summary>
public static class ApiResolver
{
    /// <summary>Resolves <paramref name="request"/>; expected failures are values, I/O failures exceptions.</summary>
    public static async Task<Resolution> ResolveAsync(ResolutionRequest request, ControlPlaneReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(reader);
        var trail = new List<string>();
        string apiId = request.Api.ApiId;

        // The log's shape says which API Gateway to ask first, so a log that names its type costs one read to
        // confirm it; the other is asked only when the first knows no such API.
        bool v2First = request.ApiTypeHint is ApiType.Http or ApiType.WebSocket;
        HttpApi? api = v2First ? await reader.GetApiAsync(apiId, cancellationToken).ConfigureAwait(false) : null;
        RestApi? restApi = api is null ? await reader.GetRestApiAsync(apiId, cancellationToken).ConfigureAwait(false) : null;
        if (restApi is not null)
        {
            trail.Add($"API {apiId} is a REST API ({UntrustedText.Quote(restApi.Name, NotificationLimits.MaxNameChars)}).");
            return v2First
                ? Resolution.Failed(OutcomeReason.LogControlPlaneMismatch, $"the log shape is that of a {request.ApiTypeHint} API, but {apiId} is a REST API", trail)
                : await RestResolver.ResolveAsync(request, reader, trail, cancellationToken).ConfigureAwait(false);
        }

        if (api is null && !v2First)
        {
            api = await reader.GetApiAsync(apiId, cancellationToken).ConfigureAwait(false);
        }

        if (api is null)
        {
            return Resolution.Failed(
                OutcomeReason.Unresolvable,
                $"no API {apiId} exists in account {request.Api.AccountId}, region {request.Api.Region}",
                trail);
        }

        ApiType type = api.ProtocolType switch
        {
            "HTTP" => ApiType.Http,
            "WEBSOCKET" => ApiType.WebSocket,
            _ => ApiType.Unknown,
        };
        trail.Add($"API {apiId} is a{(type == ApiType.Http ? "n HTTP" : " WebSocket")} API ({UntrustedText.Quote(api.Name, NotificationLimits.MaxNameChars)}).");
        if (type == ApiType.Unknown)
        {
            return Resolution.Failed(OutcomeReason.Unresolvable, $"API {apiId} has protocol type {UntrustedText.Quote(api.ProtocolType, NotificationLimits.MaxNameChars)}, which Remediator does not know", trail);
        }

        return request.ApiTypeHint != ApiType.Unknown && request.ApiTypeHint != type
            ? Resolution.Failed(OutcomeReason.LogControlPlaneMismatch, $"the log shape is that of a {request.ApiTypeHint} API, but {apiId} is a {type} API", trail)
            : await V2Resolver.ResolveAsync(request, type, reader, trail, cancellationToken).ConfigureAwait(false);
    }
}
