using Remediator.Core.Decisions;
using Remediator.Core.Policy;
using Remediator.Core.Ports;

namespace Remediator.Core.Verification;

/// <summary>
/// Proves the invoked function exists while reading its policy for the exact qualifier, without its configuration
/// (which holds its environment variables): GetPolicy answers "Function not found" for a function or version that
/// does not exist, GetAlias proves an alias, and ListTags (which the guardrails read anyway) tells a missing
/// version or alias from a missing function.
/// </summary>
public static class FunctionChecks
{
    /// <summary>
    /// The policy <paramref name="readPolicy"/> returns (null when the function has none), or the ticket when the
    /// function, version or alias does not exist.
    /// </summary>
    public static async Task<(FunctionPolicy? Policy, Decision? Missing)> ReadPolicyAsync(
        LambdaFunctionArn function,
        Func<CancellationToken, Task<FunctionPolicy?>> readPolicy,
        ControlPlaneReader reader,
        List<string> verified,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(readPolicy);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(verified);
        string? qualifier = function.Qualifier;
        bool isAlias = qualifier is not null && !IsVersion(qualifier);
        if (isAlias)
        {
            FunctionAlias? alias = await reader.GetAliasAsync(function.UnqualifiedArn, qualifier!, cancellationToken).ConfigureAwait(false);
            if (alias is null)
            {
                return (null, await MissingAsync(function, reader, cancellationToken).ConfigureAwait(false));
            }

            verified.Add($"Alias {qualifier} of function {function.FunctionName} exists (version {alias.FunctionVersion}).");
        }

        FunctionPolicy? policy;
        try
        {
            policy = await readPolicy(cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.Is(AwsErrorCodes.ResourceNotFound))
        {
            return (null, await MissingAsync(function, reader, cancellationToken).ConfigureAwait(false));
        }

        if (!isAlias)
        {
            verified.Add(qualifier is null
                ? $"Function {function.FunctionName} exists."
                : $"Version {qualifier} of function {function.FunctionName} exists.");
        }

        return (policy, null);
    }

    /// <summary>The ticket for a function, version or alias found missing: which one, told by whether the function itself exists.</summary>
    private static async Task<Decision> MissingAsync(LambdaFunctionArn function, ControlPlaneReader reader, CancellationToken cancellationToken)
    {
        string unqualified = function.UnqualifiedArn;
        string? qualifier = function.Qualifier;
        if (qualifier is null || !await ExistsAsync(unqualified, reader, cancellationToken).ConfigureAwait(false))
        {
            return Decision.Ticket(OutcomeReason.FunctionNotFound, $"function {unqualified}, which the integration invokes, does not exist");
        }

        return IsVersion(qualifier)
            ? Decision.Ticket(OutcomeReason.FunctionNotFound, $"function {function.FunctionName} has no version {qualifier}, which the integration invokes")
            : Decision.Ticket(OutcomeReason.AliasNotFound, $"function {function.FunctionName} has no alias {qualifier}, which the integration invokes; create the alias or fix the stage variable");
    }

    private static async Task<bool> ExistsAsync(string unqualifiedArn, ControlPlaneReader reader, CancellationToken cancellationToken)
    {
        try
        {
            await reader.ListTagsAsync(unqualifiedArn, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (AwsServiceException e) when (e.Is(AwsErrorCodes.ResourceNotFound))
        {
            return false;
        }
    }

    private static bool IsVersion(string qualifier) => qualifier.All(char.IsAsciiDigit);
}
