namespace Remediator.Core.Policy;

/// <summary>Who makes the request being authorized.</summary>
public sealed record RequestPrincipal(RequestPrincipalKind Kind, string Identifier)
{
    /// <summary>API Gateway calling Lambda with a resource-policy permission.</summary>
    public static RequestPrincipal ApiGateway { get; } = Service(PolicyConstants.ApiGatewayPrincipal);

    public static RequestPrincipal Service(string servicePrincipal) => new(RequestPrincipalKind.Service, servicePrincipal);

    /// <summary>An IAM identity or account root, by ARN (e.g. <c>arn:aws:iam::123456789012:root</c>).</summary>
    public static RequestPrincipal Aws(string arn) => new(RequestPrincipalKind.Aws, arn);
}

/// <summary>The kind of caller: an AWS service or an IAM identity.</summary>
public enum RequestPrincipalKind
{
    Service,
    Aws,
}
