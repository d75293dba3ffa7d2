namespace Remediator.Core.Diagnosis;

/// <summary>The documented execution-log line shapes Remediator reads; everything else is <see cref="Other"/>.</summary>
internal enum ExecutionLineShape
{
    Other,
    InvalidPermissions,
    AuthorizerError,
    MalformedProxyResponse,
    CustomerFunctionError,
    RateExceeded,
    LambdaThrottled,
    TimeoutError,
    RoleNotAssumable,
    MappingTemplateFailure,
    AuthorizerResponseInvalid,
    OtherConfigurationError,
    AuthorizerConfigurationException,
    MethodCompleted5xx,
    HttpMethodAndPath,
    EndpointRequestUri,
    SendingRequestTo,
    EndpointResponseHeaders,
    EndpointResponseBody,
    WebSocketRoute,
}
