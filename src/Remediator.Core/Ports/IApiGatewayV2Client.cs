namespace Remediator.Core.Ports;

/// <summary>API Gateway v2 (HTTP and WebSocket APIs) control-plane reads. "Not found" is a null result.</summary>
public interface IApiGatewayV2Client
{
    /// <summary>One API, or null.</summary>
    Task<HttpApi?> GetApiAsync(string apiId, CancellationToken cancellationToken);

    /// <summary>Every HTTP/WebSocket API (all pages).</summary>
    Task<IReadOnlyList<HttpApi>> GetApisAsync(CancellationToken cancellationToken);

    /// <summary>One stage with its variables, or null.</summary>
    Task<ApiStage?> GetStageAsync(string apiId, string stageName, CancellationToken cancellationToken);

    /// <summary>All stages (all pages).</summary>
    Task<IReadOnlyList<ApiStage>> GetStagesAsync(string apiId, CancellationToken cancellationToken);

    /// <summary>All routes (all pages).</summary>
    Task<IReadOnlyList<ApiRoute>> GetRoutesAsync(string apiId, CancellationToken cancellationToken);

    /// <summary>One integration, or null.</summary>
    Task<ApiIntegration?> GetIntegrationAsync(string apiId, string integrationId, CancellationToken cancellationToken);

    /// <summary>All integrations (all pages).</summary>
    Task<IReadOnlyList<ApiIntegration>> GetIntegrationsAsync(string apiId, CancellationToken cancellationToken);

    /// <summary>One authorizer, or null.</summary>
    Task<ApiAuthorizer?> GetAuthorizerAsync(string apiId, string authorizerId, CancellationToken cancellationToken);
}

/// <summary>An HTTP or WebSocket API (<see cref="ProtocolType"/> <c>HTTP</c> or <c>WEBSOCKET</c>).</summary>
public sealed record HttpApi(string ApiId, string Name, string ProtocolType, string? ApiEndpoint)
{
    /// <summary>The API's tags as GetApi returns them, CloudFormation's <c>aws:cloudformation:*</c> included.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = ResourceTags.None;

    /// <summary>Value equality, including the tags.</summary>
    public bool Equals(HttpApi? other) =>
        other is not null && ApiId == other.ApiId && Name == other.Name && ProtocolType == other.ProtocolType
        && ApiEndpoint == other.ApiEndpoint && ResourceTags.SameAs(Tags, other.Tags);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ApiId, Name, ProtocolType, ApiEndpoint, Tags.Count);
}

/// <summary>A stage and its stage variables.</summary>
public sealed record ApiStage(string StageName, string? DeploymentId, IReadOnlyDictionary<string, string> StageVariables)
{
    /// <summary>
    /// Execution-log levels (WebSocket APIs: <c>defaultRouteSettings</c> and <c>routeSettings</c> by route key; HTTP APIs
    /// write none) and the access-log destination.
    /// </summary>
    public StageLogging Logging { get; init; } = StageLogging.None;
}

/// <summary>A route: key (<c>GET /pets/{id}</c>, <c>$default</c>, <c>$connect</c>) and target (<c>integrations/{id}</c>).</summary>
public sealed record ApiRoute(string RouteId, string RouteKey, string? Target, string? AuthorizationType, string? AuthorizerId);

/// <summary>An integration: type, URI (a Lambda ARN for AWS_PROXY) and role.</summary>
public sealed record ApiIntegration(string IntegrationId, string IntegrationType, string? IntegrationUri, string? CredentialsArn, string? PayloadFormatVersion);

/// <summary>A REQUEST (Lambda) or JWT authorizer.</summary>
public sealed record ApiAuthorizer(string AuthorizerId, string Name, string AuthorizerType, string? AuthorizerUri, string? AuthorizerCredentialsArn);
