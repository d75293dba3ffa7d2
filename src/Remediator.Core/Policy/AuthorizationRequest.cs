namespace Remediator.Core.Policy;

/// <summary>The request a resource policy is evaluated for: who, which action, on what, with which context.</summary>
/// <param name="Resource">The ARN being acted on; for Lambda the function ARN including any qualifier.</param>
public sealed record AuthorizationRequest(
    RequestPrincipal Principal, string Action, string Resource, ConditionContext Context)
{
    /// <summary>
    /// API Gateway invoking a function: principal <c>apigateway.amazonaws.com</c>, action
    /// <c>lambda:InvokeFunction</c>, resource = the function ARN as invoked (with <c>:alias</c> or
    /// <c>:version</c> when the integration names one), <c>AWS:SourceArn</c> = the execute-api ARN of the
    /// request and <c>AWS:SourceAccount</c> = the API's account, plus any <paramref name="extraContext"/>.
    /// </summary>
    public static AuthorizationRequest ApiGatewayInvoke(
        string invokedFunctionArn,
        string sourceArn,
        string sourceAccount,
        IEnumerable<KeyValuePair<string, string>>? extraContext = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(invokedFunctionArn);
        ArgumentException.ThrowIfNullOrEmpty(sourceArn);
        ArgumentException.ThrowIfNullOrEmpty(sourceAccount);
        KeyValuePair<string, string>[] standard =
        [
            new(PolicyConstants.SourceArnKey, sourceArn),
            new(PolicyConstants.SourceAccountKey, sourceAccount),
        ];
        var context = ConditionContext.From(standard.Concat(extraContext ?? []));
        return new AuthorizationRequest(RequestPrincipal.ApiGateway, PolicyConstants.InvokeFunctionAction, invokedFunctionArn, context);
    }
}
