namespace Remediator.Core.Ports;

/// <summary>One deployed method: its resource template (<c>/pets/{id}</c>), verb (<c>GET</c>, <c>ANY</c>), integration, and the authorizer it uses by name.</summary>
public sealed record DeployedMethod(string Path, string HttpMethod, RestIntegration? Integration, string? AuthorizerName);
