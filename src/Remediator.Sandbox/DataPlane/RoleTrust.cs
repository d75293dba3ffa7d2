using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Remediator.Sandbox.DataPlane;

/// <summary>
/// Declares which services IAM role <see cref="RoleArn"/> trusts (the <c>Principal.Service</c> values of its trust
/// policy). The sandbox has no IAM: a role without a declaration trusts API Gateway, so integrations and authorizers
/// with credentials work as before; a declaration without <c>apigateway.amazonaws.com</c> makes API Gateway fail to
/// assume it, as AWS does when the trust policy names only, say, <c>lambda.amazonaws.com</c>.
/// </summary>
internal sealed partial record RoleTrust(
    [property: JsonPropertyName("roleArn")] string RoleArn,
    [property: JsonPropertyName("trustedServices")] IReadOnlyList<string> TrustedServices)
{
    public const string ApiGateway = "apigateway.amazonaws.com";

    /// <summary>True unless the latest declaration for <paramref name="roleArn"/> leaves API Gateway out.</summary>
    public static bool TrustsApiGateway(IReadOnlyList<RoleTrust> declarations, string roleArn)
    {
        ArgumentNullException.ThrowIfNull(declarations);
        return declarations.LastOrDefault(d => d.RoleArn.Equals(roleArn, StringComparison.Ordinal)) is not { } trust
            || trust.TrustedServices.Contains(ApiGateway, StringComparer.Ordinal);
    }

    /// <summary>Why a declaration cannot be accepted, or null when it can.</summary>
    public static string? Problem(string? roleArn, IReadOnlyList<string>? services)
    {
        if (roleArn is null || !RolePermission.RoleArnShape().IsMatch(roleArn))
        {
            return "roleArn must be an IAM role ARN, e.g. arn:aws:iam::000000000000:role/apigw-invoke.";
        }

        return services is null || services.Any(s => !ServiceShape().IsMatch(s))
            ? "trustedServices must list service principals, e.g. [\"lambda.amazonaws.com\"] (an empty list trusts none)."
            : null;
    }

    [GeneratedRegex(@"^[a-z0-9-]+\.amazonaws\.com$")]
    private static partial Regex ServiceShape();
}
