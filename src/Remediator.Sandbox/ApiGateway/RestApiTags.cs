using Remediator.Sandbox.Http;
using Remediator.Sandbox.State;
using Remediator.Sandbox.Tagging;

namespace Remediator.Sandbox.ApiGateway;

/// <summary>
/// TagResource (<c>PUT /tags/{resource_arn}</c>, 204), GetTags (<c>GET</c>, <c>{"tags": {...}}</c>) and UntagResource
/// (<c>DELETE ?tagKeys=</c>, 204) on REST APIs and their stages; the ARN arrives percent-encoded in one segment.
/// </summary>
internal sealed class RestApiTags(SandboxEnvironment env)
{
    private const AwsProtocol Protocol = AwsProtocol.RestJson;

    public ServiceResult Tagging(ServiceCall call, SandboxRequest request)
    {
        var arn = call["resource_arn"];
        if (!TaggedResources.IsApiGatewayArn(arn))
        {
            return ApiGatewayErrors.BadRequest($"Invalid ARN specified in the request: {arn}");
        }

        if (TaggedResources.RestApi(env, arn) is not { } resource)
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

        if (input.Tags is null)
        {
            return ApiGatewayErrors.BadRequest("Tags are required");
        }

        if (ApiGatewayErrors.InvalidTags(input.Tags) is { } invalid)
        {
            return invalid;
        }

        resource.Add(input.Tags);
        return SandboxResponse.Empty(204);
    }
}
