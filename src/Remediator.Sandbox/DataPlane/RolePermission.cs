using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Remediator.Core.Policy;

namespace Remediator.Sandbox.DataPlane;

/// <summary>
/// Declares that IAM role <see cref="RoleArn"/> may call <c>lambda:InvokeFunction</c> on the functions
/// <see cref="FunctionArn"/> matches. This is the sandbox's whole model of identity policies. It decides
/// integrations and authorizers that carry credentials (<c>credentials</c>, <c>credentialsArn</c>,
/// <c>authorizerCredentials</c>). A role with no declaration may invoke nothing, as a new role without
/// policies cannot.
/// </summary>
/// <param name="RoleArn">The role exactly as the integration names it.</param>
/// <param name="FunctionArn">
/// A function ARN, matched the way IAM matches a Resource element: per ARN component, case-sensitively, with
/// <c>*</c> and <c>?</c>. It is matched against the ARN API Gateway invokes, so <c>function:pets</c> does not
/// cover <c>function:pets:live</c>, and <c>function:pets*</c> covers both.
/// </param>
internal sealed partial record RolePermission(
    [property: JsonPropertyName("roleArn")] string RoleArn,
    [property: JsonPropertyName("functionArn")] string FunctionArn)
{
    /// <summary>True when this declaration lets <paramref name="roleArn"/> invoke <paramref name="invokedArn"/>.</summary>
    public bool Covers(string roleArn, string invokedArn)
    {
        ArgumentNullException.ThrowIfNull(roleArn);
        ArgumentNullException.ThrowIfNull(invokedArn);
        return RoleArn.Equals(roleArn, StringComparison.Ordinal) && ArnMatcher.IsMatch(FunctionArn, invokedArn);
    }

    /// <summary>Why a declaration cannot be accepted, or null when it can.</summary>
    public static string? Problem(string? roleArn, string? functionArn)
    {
        if (roleArn is null || !RoleArnShape().IsMatch(roleArn))
        {
            return "roleArn must be an IAM role ARN, e.g. arn:aws:iam::000000000000:role/apigw-invoke.";
        }

        return functionArn is null || !FunctionArnShape().IsMatch(functionArn)
            ? "functionArn must be a Lambda function ARN (wildcards * and ? allowed), e.g. arn:aws:lambda:us-east-1:000000000000:function:pets*."
            : null;
    }

    /// <summary>An IAM role ARN, as the role hooks accept it.</summary>
    [GeneratedRegex(@"^arn:aws[a-zA-Z-]*:iam::\d{12}:role/.+$")]
    internal static partial Regex RoleArnShape();

    [GeneratedRegex(@"^arn:aws[a-zA-Z-]*:lambda:[^:]+:[^:]+:function:.+$")]
    private static partial Regex FunctionArnShape();
}
