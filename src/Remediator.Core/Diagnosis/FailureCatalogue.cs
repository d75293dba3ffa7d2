namespace Remediator.Core.Diagnosis;

/// <summary>
/// The failure catalogue as data: every documented line shape the readers recognise and the kind it means, in
/// the order the diagnosis prefers them within one request. Tests check the diagnosis (a cited fixture per row),
/// the subscription filter pattern (a delivered line per row) and the README's catalogue against this table.
/// </summary>
public static class FailureCatalogue
{
    private const string ConfigurationError = "Execution failed due to configuration error: ";

    /// <summary>Every row, in precedence order.</summary>
    public static IReadOnlyList<CatalogueLine> Lines { get; } =
    [
        new("invalid-permissions", CatalogueLog.ExecutionLog,
            $"`{ConfigurationError}Invalid permissions on Lambda function`", FindingKind.MissingInvokePermission),
        new("authorizer-invalid-permissions", CatalogueLog.ExecutionLog,
            $"the line above, then `{ConfigurationError}Authorizer error` in the same request", FindingKind.AuthorizerInvokePermission),
        new("role-not-assumable", CatalogueLog.ExecutionLog,
            $"`{ConfigurationError}API Gateway does not have permission to assume the provided role {{role ARN}}`", FindingKind.CredentialsRoleNotAssumable),
        new("authorizer-role-not-assumable", CatalogueLog.ExecutionLog,
            $"the line above, then `{ConfigurationError}Authorizer error` in the same request", FindingKind.AuthorizerCredentialsRoleNotAssumable),
        new("lambda-throttled", CatalogueLog.ExecutionLog,
            $"`Lambda invocation failed with status: 429. Lambda request id: …` or `{ConfigurationError}Rate Exceeded.`", FindingKind.FunctionThrottled),
        new("throttled-behind-malformed-response", CatalogueLog.ExecutionLog,
            $"`{ConfigurationError}Malformed Lambda proxy response` in a request whose `Endpoint response headers:` hold `x-amzn-ErrorType=TooManyRequestsException` (or, when no headers line was logged, whose `Endpoint response body before transformations:` is exactly Lambda's `{{\"Reason\": …, \"Type\": \"User\", \"message\": \"Rate Exceeded.\"}}`)",
            FindingKind.FunctionThrottled),
        new("malformed-proxy-response", CatalogueLog.ExecutionLog,
            $"`{ConfigurationError}Malformed Lambda proxy response` otherwise", FindingKind.MalformedProxyResponse),
        new("package-permission-denied", CatalogueLog.ExecutionLog,
            "`Lambda execution failed with status <1–3 digits> due to customer function error: ` with a detail containing `[Errno 13] Permission denied: '/var/task/` or `EACCES: permission denied, open '/var/task/`",
            FindingKind.PackagePermissionDenied),
        new("handler-not-found", CatalogueLog.ExecutionLog,
            "the same prefix with `Handler '…' missing on module '…'`, a detail starting `Unable to import module`, or containing `Runtime.HandlerNotFound`; or a logged response body with `\"errorType\":\"Runtime.HandlerNotFound\"` or `\"errorType\":\"Runtime.ImportModuleError\"` (how Node.js reports it)",
            FindingKind.HandlerNotFound),
        new("malformed-handler-name", CatalogueLog.ExecutionLog,
            "the same prefix with the detail `Bad handler` (Node.js) or `Bad handler '…': …` (Python), or containing `Runtime.MalformedHandlerName`; or a logged response body with `\"errorType\":\"Runtime.MalformedHandlerName\"`",
            FindingKind.HandlerNotFound),
        new("customer-function-error", CatalogueLog.ExecutionLog,
            "the same prefix with any other detail", FindingKind.FunctionError),
        new("integration-timeout", CatalogueLog.ExecutionLog,
            "`Execution failed due to a timeout error`", FindingKind.IntegrationTimeout),
        new("mapping-template", CatalogueLog.ExecutionLog,
            $"`{ConfigurationError}Unable to transform request`", FindingKind.IntegrationConfiguration),
        new("authorizer-response", CatalogueLog.ExecutionLog,
            $"`{ConfigurationError}Invalid JSON in response: …` (the Lambda authorizer's answer)", FindingKind.AuthorizerConfiguration),
        new("unrecognized", CatalogueLog.ExecutionLog,
            "any other `Execution failed due to configuration error: …`, a bare `AuthorizerConfigurationException`, `Authorizer error` without a line above, or `Method completed with status: 5xx`, with none of the above in the request",
            FindingKind.Unrecognized),
        new("http-integration-permission", CatalogueLog.AccessLog,
            "`integrationErrorMessage` (or `integrationError`), `authorizerError` or `errorMessage` = `The IAM role configured on the integration or API Gateway doesn't have permissions to call the integration. Check the permissions and try again.`",
            FindingKind.MissingInvokePermission),
        new("http-authorizer-permission", CatalogueLog.AccessLog,
            "the same fields = `The IAM role configured on the authorizer or API Gateway doesn't have permissions to call the authorizer. Check the permissions and try again.`",
            FindingKind.AuthorizerInvokePermission),
        new("http-role-not-assumable", CatalogueLog.AccessLog,
            "the same fields = `API Gateway doesn't have permissions to assume the IAM role configured on the integration. Check the permissions and try again.`",
            FindingKind.CredentialsRoleNotAssumable),
        new("http-function-error", CatalogueLog.AccessLog,
            "`integrationErrorMessage` = `The Lambda function returned the following error: {the function's message}. Check your Lambda function code and try again.` (the frame exactly once)",
            FindingKind.FunctionError),
    ];
}
