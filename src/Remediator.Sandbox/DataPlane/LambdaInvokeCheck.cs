using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Remediator.Sandbox.Lambda;
using Remediator.Sandbox.State;

namespace Remediator.Sandbox.DataPlane;

/// <summary>How an integration's call to Lambda would end.</summary>
internal enum InvokeVerdict
{
    /// <summary>The resource policy (or the integration's role) lets API Gateway invoke the function.</summary>
    Allowed,

    /// <summary>Lambda refuses the call; <see cref="InvokeCheck.Denial"/> says why.</summary>
    Denied,

    /// <summary>The caller may invoke the ARN, but the function or qualifier does not exist (a role allowed by a pattern).</summary>
    FunctionNotFound,

    /// <summary>The integration URI does not name a Lambda function (after stage-variable substitution).</summary>
    NotLambda,

    /// <summary>Lambda throttled the call: the function's reserved concurrency is 0 (<see cref="FunctionRecord.ReservedConcurrency"/>).</summary>
    Throttled,

    /// <summary>The integration's credentials role does not trust API Gateway (<see cref="RoleTrust"/>), so no call was made.</summary>
    RoleNotAssumable,
}

/// <summary>Why Lambda refused API Gateway's call. Each one reaches the logs as the permission failure.</summary>
internal enum InvokeDenial
{
    /// <summary>The function's policy for the invoked qualifier does not allow this source ARN.</summary>
    PolicyDoesNotAllow,

    /// <summary>The integration calls as a role that has no <see cref="RolePermission"/> covering the function.</summary>
    RoleMayNotInvoke,

    /// <summary>
    /// The ARN names another account (or region). The sandbox holds no other accounts, so no policy there can
    /// allow the call. It fails as it does on AWS when that account has not granted it.
    /// </summary>
    ForeignFunction,

    /// <summary>No such function: there is no resource policy to allow the call.</summary>
    FunctionMissing,

    /// <summary>No such alias or version: there is no policy for that qualifier to allow the call.</summary>
    QualifierMissing,
}

/// <summary>The outcome of checking one Lambda invocation, with the function as API Gateway would call it.</summary>
internal sealed record InvokeCheck(InvokeVerdict Verdict, string? FunctionArn, string ExecutedVersion, InvokeDenial? Denial = null, string? RoleArn = null)
{
    public static InvokeCheck Refused(string functionArn, InvokeDenial denial) => new(InvokeVerdict.Denied, functionArn, "$LATEST", denial);

    /// <summary>True when the call failed (refused, missing, throttled, or never made for want of the role).</summary>
    public bool Failed => Verdict is InvokeVerdict.Denied or InvokeVerdict.FunctionNotFound or InvokeVerdict.Throttled or InvokeVerdict.RoleNotAssumable;

    /// <summary>True when API Gateway sent a request to Lambda (and so logged it).</summary>
    [MemberNotNullWhen(true, nameof(FunctionArn))]
    public bool Sent => FunctionArn is not null && Verdict is not (InvokeVerdict.NotLambda or InvokeVerdict.RoleNotAssumable);
}

/// <summary>
/// Resolves an integration URI to a function (substituting <c>${stageVariables.name}</c>) and decides the
/// invocation as Lambda checks API Gateway's call, with the sandbox's own judge of the resource policy.
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

    /// <summary>
    /// Decides whether API Gateway, calling from <paramref name="sourceArn"/>, may invoke the function: as
    /// <paramref name="roleArn"/> when the integration carries credentials (the role's <see cref="RolePermission"/>s
    /// decide), else as <c>apigateway.amazonaws.com</c> (the function's resource policy for the qualifier decides).
    /// </summary>
    public static InvokeCheck Check(SandboxEnvironment env, string? uri, IReadOnlyDictionary<string, string>? variables, string sourceArn, string? roleArn)
    {
        ArgumentNullException.ThrowIfNull(env);
        var functionArn = uri is null ? null : FunctionArn(Substitute(uri, variables));
        if (functionArn is null || !FunctionName.TryParse(functionArn, out var name))
        {
            return new(InvokeVerdict.NotLambda, functionArn, "$LATEST");
        }

        // API Gateway assumes the credentials role before it calls anything.
        if (roleArn is not null && !RoleTrust.TrustsApiGateway(env.Data.RoleTrusts, roleArn))
        {
            return new(InvokeVerdict.RoleNotAssumable, functionArn, "$LATEST", RoleArn: roleArn);
        }

        if (name.AccountId != env.AccountId || name.Region != env.Region)
        {
            return InvokeCheck.Refused(functionArn, InvokeDenial.ForeignFunction);
        }

        // Lambda authorizes the caller before it looks the function up: a caller without permission learns
        // nothing about what exists, so a missing function or alias is refused like a missing grant.
        if (roleArn is not null && !env.Data.RolePermissions.Any(p => p.Covers(roleArn, functionArn)))
        {
            return InvokeCheck.Refused(functionArn, InvokeDenial.RoleMayNotInvoke);
        }

        var qualifier = name.Qualifier;
        if (!env.Data.Functions.TryGetValue(name.Name, out var function) || Version(function, qualifier) is not { } version)
        {
            var denial = function is null ? InvokeDenial.FunctionMissing : InvokeDenial.QualifierMissing;
            return roleArn is null ? InvokeCheck.Refused(functionArn, denial) : new(InvokeVerdict.FunctionNotFound, functionArn, "$LATEST");
        }

        if (roleArn is not null)
        {
            // With integration credentials API Gateway calls as that role; in the same account the role's own
            // permission is enough and the resource policy is not consulted.
            return Admitted(function, functionArn, version);
        }

        // The sandbox's own judge, not the product's evaluator: the tests that run Remediator against the sandbox
        // must not share the code they test (ApiGatewayInvokeJudge).
        var statements = function.Policies.GetValueOrDefault(qualifier ?? "$LATEST") ?? [];
        return ApiGatewayInvokeJudge.Allows(statements, functionArn, sourceArn, env.AccountId)
            ? Admitted(function, functionArn, version)
            : InvokeCheck.Refused(functionArn, InvokeDenial.PolicyDoesNotAllow);
    }

    // An authorized call still needs concurrency: a function reserved at 0 is throttled on every call.
    private static InvokeCheck Admitted(FunctionRecord function, string functionArn, string version) =>
        function.ReservedConcurrency == 0
            ? new(InvokeVerdict.Throttled, functionArn, version)
            : new(InvokeVerdict.Allowed, functionArn, version);

    /// <summary>The version a qualifier runs ($LATEST, a published version, or an alias's target), or null when it does not exist.</summary>
    private static string? Version(FunctionRecord function, string? qualifier)
    {
        if (qualifier is null or "$LATEST")
        {
            return "$LATEST";
        }

        if (function.Versions.ContainsKey(qualifier))
        {
            return qualifier;
        }

        return function.Aliases.TryGetValue(qualifier, out var alias) ? alias.FunctionVersion : null;
    }

    [GeneratedRegex(@"\$\{stageVariables\.([A-Za-z0-9_]+)\}")]
    private static partial Regex StageVariable();

    [GeneratedRegex(@"^arn:aws[a-zA-Z-]*:apigateway:[a-z0-9-]+:lambda:path/2015-03-31/functions/(?<function>.+)/invocations$")]
    private static partial Regex LambdaPathUri();
}
