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

    /// <summary>
    /// What stage <paramref name="stageName"/> serves: its deployment, exported with the integration and authorizer
    /// extensions (GetExport, <c>oas30</c>). Null when there is no such stage; a failure saying why when the export is
    /// larger than <see cref="Verification.RestExportReader.MaxBytes"/> or not understood.
    /// </summary>
    Task<Result<RestDeployment, string>?> GetStageDeploymentAsync(string restApiId, string stageName, CancellationToken cancellationToken);

    /// <summary>Every authorizer of the API (all pages), as its draft defines them: the only place that names their ids.</summary>
    Task<IReadOnlyList<RestAuthorizer>> GetAuthorizersAsync(string restApiId, CancellationToken cancellationToken);
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

/// <summary>A method integration: <c>type</c> (AWS_PROXY, AWS, ...), <c>uri</c> and the role in <c>credentials</c>.</summary>
public sealed record RestIntegration(string Type, string? Uri, string? Credentials, string? HttpMethod);

/// <summary>A Lambda (TOKEN/REQUEST) or Cognito authorizer.</summary>
public sealed record RestAuthorizer(string Id, string Name, string Type, string? AuthorizerUri, string? AuthorizerCredentials);
