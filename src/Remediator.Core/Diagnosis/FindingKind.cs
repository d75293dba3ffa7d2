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

    /// <summary>The configured handler or its module cannot be found or imported, or its name is malformed.</summary>
    HandlerNotFound,

    /// <summary>The function ran and failed with its own error.</summary>
    FunctionError,

    /// <summary>A 5xx with none of the catalogued causes: notify only.</summary>
    Unrecognized,

    /// <summary>Lambda throttled the invocation (429: reserved or account concurrency, invocation rate); the function never ran.</summary>
    FunctionThrottled,

    /// <summary>The integration did not answer within API Gateway's integration timeout (29 s by default).</summary>
    IntegrationTimeout,

    /// <summary>API Gateway cannot assume the IAM role in the integration's <c>credentials</c>.</summary>
    CredentialsRoleNotAssumable,

    /// <summary>API Gateway cannot assume the IAM role in the Lambda authorizer's credentials.</summary>
    AuthorizerCredentialsRoleNotAssumable,

    /// <summary>The integration's mapping template failed (<c>Unable to transform request</c>).</summary>
    IntegrationConfiguration,

    /// <summary>The Lambda authorizer's answer is not a policy API Gateway can read.</summary>
    AuthorizerConfiguration,
}
