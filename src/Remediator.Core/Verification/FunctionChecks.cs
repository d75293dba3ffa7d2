using Remediator.Core.Decisions;
using Remediator.Core.Policy;
using Remediator.Core.Ports;

namespace Remediator.Core.Verification;

/// <summary>
/// Proves the invoked function exists before its policy is read: GetFunctionConfiguration for the function
/// or a version, GetAlias for an alias (and, when that fails, the function itself, to tell which is missing).
/// </summary>
public static class FunctionChecks
{
    /// <summary>The ticket when the function, version or alias does not exist; null when it does.</summary>
    public static async Task<Decision?> CheckAsync(LambdaFunctionArn function, ControlPlaneReader reader, List<string> verified, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(verified);
        string unqualified = function.UnqualifiedArn;
        string? qualifier = function.Qualifier;
        if (qualifier is null || IsVersion(qualifier))
        {
            FunctionConfiguration? configuration = await reader.GetFunctionConfigurationAsync(unqualified, qualifier, cancellationToken).ConfigureAwait(false);
            if (configuration is not null)
            {
                verified.Add(qualifier is null
                    ? $"Function {function.FunctionName} exists."
                    : $"Version {qualifier} of function {function.FunctionName} exists.");
                return null;
            }

            if (qualifier is not null
                && await reader.GetFunctionConfigurationAsync(unqualified, null, cancellationToken).ConfigureAwait(false) is not null)
            {
                return Decision.Ticket(OutcomeReason.FunctionNotFound, $"function {function.FunctionName} has no version {qualifier}, which the integration invokes");
            }

            return Decision.Ticket(OutcomeReason.FunctionNotFound, $"function {unqualified}, which the integration invokes, does not exist");
        }

        FunctionAlias? alias = await reader.GetAliasAsync(unqualified, qualifier, cancellationToken).ConfigureAwait(false);
        if (alias is not null)
        {
            verified.Add($"Alias {qualifier} of function {function.FunctionName} exists (version {alias.FunctionVersion}).");
            return null;
        }

        return await reader.GetFunctionConfigurationAsync(unqualified, null, cancellationToken).ConfigureAwait(false) is null
            ? Decision.Ticket(OutcomeReason.FunctionNotFound, $"function {unqualified}, which the integration invokes, does not exist")
            : Decision.Ticket(OutcomeReason.AliasNotFound, $"function {function.FunctionName} has no alias {qualifier}, which the integration invokes; create the alias or fix the stage variable");
    }

    private static bool IsVersion(string qualifier) => qualifier.All(char.IsAsciiDigit);
}
