namespace Remediator.Core.Diagnosis;

/// <summary>
/// The exact API Gateway log texts Remediator recognises, written once. Execution-log shapes are matched
/// only at the start of a line, right after the <c>(&lt;requestId&gt;) </c> prefix.
/// </summary>
internal static class LogText
{
    public const string ExecutionLogGroupPrefix = "API-Gateway-Execution-Logs_";
    public const string LambdaLogGroupPrefix = "/aws/lambda/";

    // REST and WebSocket execution-log failure lines.
    public const string ConfigurationErrorPrefix = "Execution failed due to configuration error: ";
    public const string InvalidPermissions = ConfigurationErrorPrefix + InvalidPermissionsDetail;
    public const string AuthorizerError = ConfigurationErrorPrefix + AuthorizerErrorDetail;
    public const string MalformedProxyResponse = ConfigurationErrorPrefix + MalformedProxyResponseDetail;
    public const string AuthorizerConfigurationException = "AuthorizerConfigurationException";
    public const string LambdaExecutionFailedPrefix = "Lambda execution failed with status ";
    public const string CustomerFunctionErrorInfix = " due to customer function error: ";
    public const string MethodCompletedPrefix = "Method completed with status: ";
    public const string TimeoutError = "Execution failed due to a timeout error";
    public const string LambdaInvocationFailedPrefix = "Lambda invocation failed with status: ";
    public const string ThrottledStatus = "429";

    // Configuration-error details, the text after ConfigurationErrorPrefix (ConfigurationErrors sorts them).
    public const string InvalidPermissionsDetail = "Invalid permissions on Lambda function";
    public const string AuthorizerErrorDetail = "Authorizer error";
    public const string MalformedProxyResponseDetail = "Malformed Lambda proxy response";
    public const string RateExceededDetail = "Rate Exceeded";
    public const string RoleNotAssumableDetail = "API Gateway does not have permission to assume the provided role ";
    public const string UnableToTransformRequestDetail = "Unable to transform request";
    public const string InvalidJsonInResponseDetail = "Invalid JSON in response: ";

    // REST and WebSocket execution-log context lines.
    public const string HttpMethodPrefix = "HTTP Method: ";
    public const string ResourcePathInfix = ", Resource Path: ";
    public const string EndpointRequestUriPrefix = "Endpoint request URI: ";
    public const string SendingRequestToPrefix = "Sending request to ";
    public const string EndpointResponseBodyPrefix = "Endpoint response body before transformations: ";
    public const string WebSocketRoutePrefix = "WebSocket Request Route: [";
    public const string EndpointResponseHeadersPrefix = "Endpoint response headers: {";

    /// <summary>The error-type header Lambda sets on a throttled invocation (<c>Endpoint response headers</c> entry).</summary>
    public const string ThrottledErrorTypeHeader = "x-amzn-ErrorType";
    public const string ThrottledErrorType = "TooManyRequestsException";

    // Lambda invoke URI: https://lambda.{region}.amazonaws.com/2015-03-31/functions/{function-arn}/invocations
    public const string LambdaUriScheme = "https://lambda.";
    public const string LambdaUriPath = "/2015-03-31/functions/";
    public const string LambdaUriSuffix = "/invocations";

    // Customer function error details that name a cause of their own.
    public const string PythonPackagePermissionDenied = "[Errno 13] Permission denied: '/var/task/";
    public const string NodePackagePermissionDenied = "EACCES: permission denied, open '/var/task/";
    public const string HandlerMissingPrefix = "Handler '";
    public const string HandlerMissingInfix = "' missing on module '";
    public const string UnableToImportModule = "Unable to import module";
    public const string RuntimeHandlerNotFound = "Runtime.HandlerNotFound";
    public const string RuntimeImportModuleError = "Runtime.ImportModuleError";
    public const string RuntimeMalformedHandlerName = "Runtime.MalformedHandlerName";
    public const string BadHandler = "Bad handler";

    // HTTP API access logs ($context.integrationErrorMessage, $context.authorizer.error).
    public const string HttpIntegrationPermission =
        "The IAM role configured on the integration or API Gateway doesn't have permissions to call the integration. Check the permissions and try again.";

    public const string HttpAuthorizerPermission =
        "The IAM role configured on the authorizer or API Gateway doesn't have permissions to call the authorizer. Check the permissions and try again.";

    public const string HttpRoleNotAssumable =
        "API Gateway doesn't have permissions to assume the IAM role configured on the integration. Check the permissions and try again.";

    public const string HttpFunctionErrorPrefix = "The Lambda function returned the following error: ";
    public const string HttpFunctionErrorSuffix = " Check your Lambda function code and try again.";

    /// <summary>Substrings one of which every catalogued HTTP API text holds: lines without any need no parsing.</summary>
    public static readonly string[] AccessLogMarkers = ["have permissions to ", "Check your Lambda function code and try again"];

    /// <summary>What the access-log format writes for a variable without a value.</summary>
    public const string AccessLogPlaceholder = "-";
}
