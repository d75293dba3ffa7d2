using System.Diagnostics.CodeAnalysis;
using Remediator.Core.Ports;

namespace Remediator.Core.Verification;

/// <summary>An authorizer as either API Gateway reports it, and whether it calls a Lambda function.</summary>
internal sealed record AuthorizerFacts(string Id, string Name, string Type, string? Uri, string? Credentials, bool CallsLambda)
{
    // REST: TOKEN and REQUEST authorizers call a function, COGNITO_USER_POOLS does not; HTTP/WebSocket: REQUEST does, JWT does not.
    private static readonly HashSet<string> RestLambdaTypes = new(["TOKEN", "REQUEST"], StringComparer.Ordinal);
    private const string V2LambdaType = "REQUEST";

    /// <summary>True for the REST authorizer types that call a Lambda function.</summary>
    public static bool IsLambdaType(string restType) => RestLambdaTypes.Contains(restType);

    [return: NotNullIfNotNull(nameof(authorizer))]
    public static AuthorizerFacts? Of(RestAuthorizer? authorizer) => authorizer is null
        ? null
        : new(authorizer.Id, authorizer.Name, authorizer.Type, authorizer.AuthorizerUri, authorizer.AuthorizerCredentials, IsLambdaType(authorizer.Type));

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
