using Remediator.Sandbox.ApiGateway;
using Remediator.Sandbox.Http;
using Remediator.Sandbox.State;
using Remediator.Sandbox.Tagging;

namespace Remediator.Sandbox.ApiGatewayV2;

/// <summary>
/// Tagging: TagResource (<c>POST /v2/tags/{resource-arn}</c>, 201 <c>{}</c>), GetTags (<c>GET</c>, <c>{"tags": {...}}</c>),
/// UntagResource (<c>DELETE ?tagKeys=</c>, 204) on HTTP and WebSocket APIs and their stages.
/// </summary>
internal sealed class HttpApiTags(SandboxEnvironment env)
{
    private const AwsProtocol Protocol = AwsProtocol.RestJson;

    public ServiceResult Tagging(ServiceCall call, SandboxRequest request)
    {
        var arn = call["resource-arn"];
        if (!TaggedResources.IsApiGatewayArn(arn))
        {
            return ApiGatewayErrors.BadRequest($"Invalid ARN specified in the request: {arn}");
        }

        if (TaggedResources.V2Api(env, arn) is not { } resource)
        {
            return ApiGatewayErrors.NotFound($"Invalid resource identifier specified: {arn}");
        }

        switch (call.Operation)
        {
            case "GetTags":
                return Reply.Json(Protocol, new TagsResponse(new Dictionary<string, string>(resource.Tags)), SandboxJson.Context.TagsResponse);
            case "UntagResource" when TagRules.FirstReserved(request.QueryValues("tagKeys")) is not null:
                return ApiGatewayErrors.ReservedTagKey();
            case "UntagResource":
                resource.Remove(request.QueryValues("tagKeys"));
                return SandboxResponse.Empty(204);
        }

        if (!JsonBody.TryRead(request, SandboxJson.Context.TagsRequest, out var input, out var error))
        {
            return ApiGatewayErrors.BadRequest(error);
        }

        if (ApiGatewayErrors.InvalidTags(input.Tags) is { } invalid)
        {
            return invalid;
        }

        resource.Add(input.Tags ?? new Dictionary<string, string>());
        return Reply.EmptyObject(Protocol) with { Status = 201 };
    }
}
