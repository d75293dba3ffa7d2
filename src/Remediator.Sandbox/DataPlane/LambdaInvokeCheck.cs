using System.Text.RegularExpressions;
using Remediator.Core.Policy;
using Remediator.Sandbox.Lambda;
using Remediator.Sandbox.State;

namespace Remediator.Sandbox.DataPlane;

/// <summary>How an integration's call to Lambda would end.</summary>
internal enum InvokeVerdict
{
    /// <summary>The resource policy (or the integration's role) lets API Gateway invoke the function.</summary>
    Allowed,

    /// <summary>The function exists but its policy for that qualifier does not allow this source ARN.</summary>
    Denied,

    /// <summary>The function or qualifier does not exist (or is in another account).</summary>
    FunctionNotFound,

    /// <summary>The integration URI does not name a Lambda function (after stage-variable substitution).</summary>
    NotLambda,
}

/// <summary>The outcome of checking one Lambda invocation, with the function as API Gateway would call it.</summary>
internal sealed record InvokeCheck(InvokeVerdict Verdict, string? FunctionArn, string ExecutedVersion);

/// <summary>
/// Resolves an integration URI to a function (substituting <c>${stageVariables.name}</c>) and decides the
/// invocation with the shared IAM-style evaluator, exactly as Lambda checks API Gateway's call.
/// </summary>
internal static partial class LambdaInvokeCheck
{
    /// <summary>Replaces <c>${stageVariables.name}</c> with the stage's value (empty when undefined, as API Gateway does).</summary>
    public static string Substitute(string uri, IReadOnlyDictionary<string, string>? variables)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return StageVariable().Replace(uri, m => variables?.GetValueOrDefault(m.Groups[1].Value) ?? string.Empty);
    }

    /// <summary>The function ARN in an API Gateway Lambda URI, or a bare function ARN (HTTP API integrations).</summary>
    public static string? FunctionArn(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var match = LambdaPathUri().Match(uri);
        var candidate = match.Success ? match.Groups["function"].Value : uri;
        return candidate.StartsWith("arn:", StringComparison.Ordinal) && candidate.Contains(":lambda:", StringComparison.Ordinal) ? candidate : null;
    }

    /// <summary>Decides whether API Gateway, calling from <paramref name="sourceArn"/>, may invoke the function.</summary>
    public static InvokeCheck Check(SandboxEnvironment env, string? uri, IReadOnlyDictionary<string, string>? variables, string sourceArn, bool viaRole)
    {
        ArgumentNullException.ThrowIfNull(env);
        var functionArn = uri is null ? null : FunctionArn(Substitute(uri, variables));
        if (functionArn is null || !FunctionName.TryParse(functionArn, out var name))
        {
            return new(InvokeVerdict.NotLambda, functionArn, "$LATEST");
        }

        if (name.AccountId != env.AccountId || name.Region != env.Region || !env.Data.Functions.TryGetValue(name.Name, out var function))
        {
            return new(InvokeVerdict.FunctionNotFound, functionArn, "$LATEST");
        }

        var qualifier = name.Qualifier;
        string version;
        if (qualifier is null or "$LATEST")
        {
            version = "$LATEST";
        }
        else if (function.Versions.ContainsKey(qualifier))
        {
            version = qualifier;
        }
        else if (function.Aliases.TryGetValue(qualifier, out var alias))
        {
            version = alias.FunctionVersion;
        }
        else
        {
            return new(InvokeVerdict.FunctionNotFound, functionArn, "$LATEST");
        }

        if (viaRole)
        {
            // With integration credentials API Gateway calls as that role; the resource policy is not consulted.
            return new(InvokeVerdict.Allowed, functionArn, version);
        }

        var statements = function.Policies.GetValueOrDefault(qualifier ?? "$LATEST") ?? [];
        var decision = PolicyEvaluator.Evaluate(
            statements.Count == 0 ? null : LambdaPolicyDocument.Document(statements),
            AuthorizationRequest.ApiGatewayInvoke(functionArn, sourceArn, env.AccountId));

        // A policy the evaluator cannot read denies: fail closed, as Lambda would not grant on a guess.
        return new(decision.IsSuccess && decision.Value!.IsAllowed ? InvokeVerdict.Allowed : InvokeVerdict.Denied, functionArn, version);
    }

    [GeneratedRegex(@"\$\{stageVariables\.([A-Za-z0-9_]+)\}")]
    private static partial Regex StageVariable();

    [GeneratedRegex(@"^arn:aws[a-zA-Z-]*:apigateway:[a-z0-9-]+:lambda:path/2015-03-31/functions/(?<function>.+)/invocations$")]
    private static partial Regex LambdaPathUri();
}
