using Remediator.Core.Diagnosis;
using Remediator.Core.Policy;
using Remediator.Core.Ports;
using Remediator.Core.Verification;

namespace Remediator.Core.Audit;

/// <summary>The APIs an audit covers: the one named, or every REST, HTTP and WebSocket API of the region, by id.</summary>
internal sealed class ApiSelector(IApiGatewayClient restApis, IApiGatewayV2Client v2Apis, ControlPlaneReader reader)
{
    /// <summary>The APIs <paramref name="request"/> selects; empty when the API it names does not exist.</summary>
    public async Task<IReadOnlyList<AuditedApi>> SelectAsync(AuditRequest request, CancellationToken cancellationToken)
    {
        ApiTarget Where(string id) => new(request.Region, request.AccountId, id);
        if (request.ApiId is { } apiId)
        {
            if (await reader.GetRestApiAsync(apiId, cancellationToken).ConfigureAwait(false) is { } rest)
            {
                return [new AuditedApi(Where(rest.Id), ApiType.Rest, rest.Name)];
            }

            return await reader.GetApiAsync(apiId, cancellationToken).ConfigureAwait(false) is { } v2 && V2Type(v2) is { } type
                ? [new AuditedApi(Where(v2.ApiId), type, v2.Name)]
                : [];
        }

        IReadOnlyList<RestApi> rests = await restApis.GetRestApisAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<HttpApi> v2s = await v2Apis.GetApisAsync(cancellationToken).ConfigureAwait(false);
        AuditedApi[] all =
        [
            .. rests.OrderBy(a => a.Id, StringComparer.Ordinal).Select(a => new AuditedApi(Where(a.Id), ApiType.Rest, a.Name)),
            .. v2s.OrderBy(a => a.ApiId, StringComparer.Ordinal)
                .Select(a => V2Type(a) is { } type ? new AuditedApi(Where(a.ApiId), type, a.Name) : null)
                .OfType<AuditedApi>(),
        ];

        // A sweep that stopped early goes on after the last API it audited, even if that one is gone since.
        return request.StartAfter is { } after ? [.. all.Where(api => string.CompareOrdinal(api.SweepKey, after) > 0)] : all;
    }

    private static ApiType? V2Type(HttpApi api) => api.ProtocolType switch
    {
        "HTTP" => ApiType.Http,
        "WEBSOCKET" => ApiType.WebSocket,
        _ => null,
    };
}
