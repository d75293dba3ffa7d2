namespace Remediator.Sandbox.Http;

/// <summary>One emulated AWS service: resolves requests to operations and executes them against the state.</summary>
internal interface IAwsService
{
    /// <summary>The SigV4 signing name clients put in the credential scope (v1 and v2 API Gateway share one).</summary>
    string SigningName { get; }

    /// <summary>The logical service name used in counts and fault rules (e.g. <c>apigatewayv2</c>).</summary>
    string Name { get; }

    /// <summary>The wire protocol.</summary>
    AwsProtocol Protocol { get; }

    /// <summary>The XML namespace of query-protocol responses; null for JSON protocols.</summary>
    string? XmlNamespace { get; }

    /// <summary>The operation the request addresses, or null when this service has none for it.</summary>
    ServiceCall? Resolve(SandboxRequest request);

    /// <summary>Runs the operation. Called with the state lock held: must not block on I/O.</summary>
    ServiceResult Execute(ServiceCall call, SandboxRequest request);
}
