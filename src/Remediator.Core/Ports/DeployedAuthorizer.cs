namespace Remediator.Core.Ports;

/// <summary>A deployed authorizer as the export shows it: name, type (<c>TOKEN</c>, <c>REQUEST</c>, <c>COGNITO_USER_POOLS</c>), URI and role.</summary>
public sealed record DeployedAuthorizer(string Name, string Type, string? AuthorizerUri, string? AuthorizerCredentials);
