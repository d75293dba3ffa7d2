using System.Diagnostics.CodeAnalysis;
using Remediator.Core.Ports;

namespace Remediator.Core.Verification;

/// <summary>An authorizer as either API Gateway reports it, and whether it calls a Lambda function.</summary>
internal sealed record AuthorizerFacts(string Id, string Name, string Type, string? Uri, string? Credentials, bool CallsLambda)
{
    // REST: TOKEN and REQUEST authorizers call a function, COGNITO_USER_POOLS does not; HTTP/WebSocket: REQUEST does, JWT does not.
    private static readonly HashSet<string> RestLambdaTypes = new(["TOKEN", "REQUEST"], StringComparer.Ordinal);
    private const string V2LambdaType = "REQUEST";

    [return: NotNullIfNotNull(nameof(authorizer))]
    public static AuthorizerFacts? Of(RestAuthorizer? authorizer) => authorizer is null
        ? null
        : new(authorizer.Id, authorizer.Name, authorizer.Type, authorizer.AuthorizerUri, authorizer.AuthorizerCredentials, RestLambdaTypes.Contains(authorizer.Type));

    [return: NotNullIfNotNull(nameof(authorizer))]
    public static AuthorizerFacts? Of(ApiAuthorizer? authorizer) => authorizer is null
        ? null
        : new(
            authorizer.AuthorizerId,
            authorizer.Name,
            authorizer.AuthorizerType,
            authorizer.AuthorizerUri,
            authorizer.AuthorizerCredentialsArn,
            string.Equals(authorizer.AuthorizerType, V2LambdaType, StringComparison.Ordinal));
}
