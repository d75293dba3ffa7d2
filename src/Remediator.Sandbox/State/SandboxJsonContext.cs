using System.Text.Json;
using System.Text.Json.Serialization;
using Remediator.Sandbox.Admin;
using Remediator.Sandbox.ApiGateway;
using Remediator.Sandbox.ApiGatewayV2;
using Remediator.Sandbox.DataPlane;
using Remediator.Sandbox.Faults;
using Remediator.Sandbox.Lambda;
using Remediator.Sandbox.Logs;
using Remediator.Sandbox.Ssm;

namespace Remediator.Sandbox.State;

/// <summary>Source-generated JSON metadata for every wire DTO and the state document.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SandboxData))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(CreateFunctionRequest))]
[JsonSerializable(typeof(CreateAliasRequest))]
[JsonSerializable(typeof(TagResourceRequest))]
[JsonSerializable(typeof(AddPermissionRequest))]
[JsonSerializable(typeof(FunctionConfiguration))]
[JsonSerializable(typeof(AliasConfiguration))]
[JsonSerializable(typeof(GetFunctionResponse))]
[JsonSerializable(typeof(ListFunctionsResponse))]
[JsonSerializable(typeof(ListTagsResponse))]
[JsonSerializable(typeof(AddPermissionResponse))]
[JsonSerializable(typeof(GetPolicyResponse))]
[JsonSerializable(typeof(CreateRestApiRequest))]
[JsonSerializable(typeof(CreateResourceRequest))]
[JsonSerializable(typeof(Method))]
[JsonSerializable(typeof(PutIntegrationRequest))]
[JsonSerializable(typeof(CreateDeploymentRequest))]
[JsonSerializable(typeof(CreateStageRequest))]
[JsonSerializable(typeof(UpdateStageRequest))]
[JsonSerializable(typeof(RestApi))]
[JsonSerializable(typeof(Resource))]
[JsonSerializable(typeof(Integration))]
[JsonSerializable(typeof(Deployment))]
[JsonSerializable(typeof(Stage))]
[JsonSerializable(typeof(Authorizer))]
[JsonSerializable(typeof(RestApiList))]
[JsonSerializable(typeof(ResourceList))]
[JsonSerializable(typeof(StageList))]
[JsonSerializable(typeof(AuthorizerList))]
[JsonSerializable(typeof(TagsRequest))]
[JsonSerializable(typeof(TagsResponse))]
[JsonSerializable(typeof(SandboxTagsRequest))]
[JsonSerializable(typeof(Api))]
[JsonSerializable(typeof(ApiIntegration))]
[JsonSerializable(typeof(Route))]
[JsonSerializable(typeof(ApiStage))]
[JsonSerializable(typeof(ApiAuthorizer))]
[JsonSerializable(typeof(ItemPage<Api>))]
[JsonSerializable(typeof(ItemPage<ApiIntegration>))]
[JsonSerializable(typeof(ItemPage<Route>))]
[JsonSerializable(typeof(ItemPage<ApiStage>))]
[JsonSerializable(typeof(CreateLogGroupRequest))]
[JsonSerializable(typeof(CreateLogStreamRequest))]
[JsonSerializable(typeof(PutLogEventsRequest))]
[JsonSerializable(typeof(PutLogEventsResponse))]
[JsonSerializable(typeof(FilterLogEventsRequest))]
[JsonSerializable(typeof(FilterLogEventsResponse))]
[JsonSerializable(typeof(DescribeLogGroupsRequest))]
[JsonSerializable(typeof(DescribeLogGroupsResponse))]
[JsonSerializable(typeof(CreateOpsItemRequest))]
[JsonSerializable(typeof(CreateOpsItemResponse))]
[JsonSerializable(typeof(DescribeOpsItemsRequest))]
[JsonSerializable(typeof(DescribeOpsItemsResponse))]
[JsonSerializable(typeof(GetOpsItemRequest))]
[JsonSerializable(typeof(GetOpsItemResponse))]
[JsonSerializable(typeof(UpdateOpsItemRequest))]
[JsonSerializable(typeof(FaultRule))]
[JsonSerializable(typeof(List<FaultRule>))]
[JsonSerializable(typeof(SubscriptionRequest))]
[JsonSerializable(typeof(List<SubscriptionView>))]
[JsonSerializable(typeof(RolePermissionRequest))]
[JsonSerializable(typeof(List<RolePermission>))]
internal sealed partial class SandboxJsonContext : JsonSerializerContext;
