namespace Remediator.Core.Diagnosis;

/// <summary>What a root cause is, which decides what Remediator does (docs/ARCHITECTURE.md, "Failure catalogue").</summary>
public enum FindingKind
{
    /// <summary>API Gateway may not invoke the integration's function (resource policy or integration role).</summary>
    MissingInvokePermission,

    /// <summary>API Gateway may not invoke the Lambda authorizer's function.</summary>
    AuthorizerInvokePermission,

    /// <summary>The function returned something other than the Lambda proxy response shape.</summary>
    MalformedProxyResponse,

    /// <summary>The runtime could not read the deployment package (<c>[Errno 13] Permission denied: '/var/task/...'</c>).</summary>
    PackagePermissionDenied,

    /// <summary>The configured handler or its module cannot be found or imported.</summary>
    HandlerNotFound,

    /// <summary>The function ran and failed with its own error.</summary>
    FunctionError,

    /// <summary>A 5xx with none of the catalogued causes: notify only.</summary>
    Unrecognized,
}
