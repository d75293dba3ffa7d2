namespace Remediator.Core.Ports;

/// <summary>
/// What a REST stage serves: the methods and authorizers of the stage's deployment, as its export shows them
/// (docs/ARCHITECTURE.md, "Verification"). The draft resources may differ; API Gateway runs this.
/// </summary>
/// <param name="Methods">Every deployed method with its integration and the authorizer it uses.</param>
/// <param name="Authorizers">The deployment's authorizers by name: the export names them and carries no ids.</param>
public sealed record RestDeployment(IReadOnlyList<DeployedMethod> Methods, IReadOnlyDictionary<string, DeployedAuthorizer> Authorizers);
