using Remediator.Core.Configuration;
using Remediator.Core.Decisions;
using Remediator.Core.Policy;
using Remediator.Core.Ports;
using Remediator.Core.Verification;

namespace Remediator.Core.Engine;

/// <summary>The guardrails on a fix (enforce terms): exemptions by name, account and tag, and fixes that keep being undone.</summary>
internal sealed class Guardrails(RemediatorSettings settings, EngineOptions options, ControlPlaneReader reader)
{
    /// <summary>The ticket that stops the fix, or null (with the line saying what was checked) when it may go ahead.</summary>
    public async Task<(Decision? Stop, string? Verified)> CheckAsync(GrantPlan plan, LedgerOutcome previous, CancellationToken cancellationToken)
    {
        LambdaFunctionArn function = plan.Function;
        if (IsOwnFunction(function))
        {
            return (Decision.Ticket(OutcomeReason.Exempted, $"function {function.FunctionName} is Remediator itself, which never grants invoke rights on its own function"), null);
        }

        if (Exemptions.ByName(function, settings.Functions) is { } byName)
        {
            return (byName, null);
        }

        IReadOnlyDictionary<string, string> tags;
        try
        {
            tags = await reader.ListTagsAsync(function.UnqualifiedArn, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (!TransientAwsErrors.IsTransient(e))
        {
            // Exemptions fail closed: tags that cannot be read exempt the function.
            return (Exemptions.TagsUnreadable(function, $"{e.ErrorCode}: {e.ServiceMessage}"), null);
        }

        if (Exemptions.ByTags(function, tags, settings.ExemptTag) is { } byTag)
        {
            return (byTag, null);
        }

        string verified = $"Function {function.FunctionName} is not exempt (no {settings.ExemptTag} tag, name and account allowed).";
        Decision? repeated = previous.Attempts >= settings.MaxAttempts
            ? Decision.Ticket(OutcomeReason.RepeatedFailure, $"Remediator has already added this permission {previous.Attempts} times and it is missing again; something removes it")
            : null;
        return (repeated, verified);
    }

    private bool IsOwnFunction(LambdaFunctionArn function) =>
        options.OwnFunction is { Length: > 0 } own
        && (string.Equals(own, function.FunctionName, StringComparison.Ordinal)
            || (LambdaFunctionArn.Parse(own) is { IsSuccess: true } parsed && string.Equals(parsed.Value!.UnqualifiedArn, function.UnqualifiedArn, StringComparison.Ordinal)));
}
