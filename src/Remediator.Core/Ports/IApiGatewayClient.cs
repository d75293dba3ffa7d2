namespace Remediator.Core.Ports;

/// <summary>API Gateway v1 (REST APIs) control-plane reads. "Not found" is a null result, not an exception.</summary>
public interface IApiGatewayClient
{
    /// <summary>One REST API, or null.</summary>
    Task<RestApi?> GetRestApiAsync(string restApiId, CancellationToken cancellationToken);

    /// <summary>Every REST API of the account in the region (all pages).</summary>
    Task<IReadOnlyList<RestApi>> GetRestApisAsync(CancellationToken cancellationToken);

    /// <summary>One stage with its variables, or null.</summary>
    Task<RestStage?> GetStageAsync(string restApiId, string stageName, CancellationToken cancellationToken);

    /// <summary>All stages of an API.</summary>
    Task<IReadOnlyList<RestStage>> GetStagesAsync(string restApiId, CancellationToken cancellationToken);

    /// <summary>Every resource with its methods embedded (all pages).</summary>
    Task<IReadOnlyList<RestResource>> GetResourcesAsync(string restApiId, CancellationToken cancellationToken);

    /// <summary>The integration of one method, or null.</summary>
    Task<RestIntegration?> GetIntegrationAsync(string restApiId, string resourceId, string httpMethod, CancellationToken cancellationToken);

    /// <summary>One authorizer, or null.</summary>
    Task<RestAuthorizer?> GetAuthorizerAsync(string restApiId, string authorizerId, CancellationToken cancellationToken);
}

/// <summary>A REST API.</summary>
public sealed record RestApi(string Id, string Name)
{
    /// <summary>The API's tags as GetRestApi returns them, CloudFormation's <c>aws:cloudformation:*</c> included.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = ResourceTags.None;

    /// <summary>Value equality, including the tags.</summary>
    public bool Equals(RestApi? other) =>
        other is not null && Id == other.Id && Name == other.Name && ResourceTags.SameAs(Tags, other.Tags);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Name, Tags.Count);
}

/// <summary>A REST API stage and its stage variables.</summary>
public sealed record RestStage(string StageName, string? DeploymentId, IReadOnlyDictionary<string, string> Variables)
{
    /// <summary>
    /// Execution-log levels (<c>methodSettings</c>: <c>*/*</c> and the per-method overrides) and the access-log destination.
    /// </summary>
    public StageLogging Logging { get; init; } = StageLogging.None;
}

/// <summary>A resource (path template) and its methods, keyed by HTTP verb (<c>ANY</c> included).</summary>
public sealed record RestResource(string Id, string? ParentId, string Path, string? PathPart, IReadOnlyDictionary<string, RestMethod> Methods);

/// <summary>A method as embedded in GetResources; <see cref="Integration"/> when the answer carried it.</summary>
public sealed record RestMethod(string HttpMethod, string? AuthorizationType, string? AuthorizerId, RestIntegration? Integration);

/// <summary>A method integration: <c>type</c> (AWS_PROXY, AWS, ...), <c>uri</c> and the role in <c>credentials</c>.</summary>
public sealed record RestIntegration(string Type, string? Uri, string? Credentials, string? HttpMethod);

/// <summary>A Lambda (TOKEN/REQUEST) or Cognito authorizer.</summary>
public sealed record RestAuthorizer(string Id, string Name, string Type, string? AuthorizerUri, string? AuthorizerCredentials);
