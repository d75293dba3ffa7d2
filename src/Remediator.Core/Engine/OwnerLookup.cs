using Remediator.Core.Configuration;
using Remediator.Core.Notifications;
using Remediator.Core.Policy;
using Remediator.Core.Ports;
using Remediator.Core.Verification;

namespace Remediator.Core.Engine;

/// <summary>
/// The owner a notification is routed to: the value of the function's <c>REMEDIATOR_OWNER_TAG</c> tag, from the
/// ListTags read the guardrails already made (memoised for the pass), kept only in a shape a filter policy can match.
/// </summary>
internal sealed class OwnerLookup(RemediatorSettings settings, EngineOptions options, ControlPlaneReader reader)
{
    /// <summary>The owner of <paramref name="outcome"/>'s function, or null (no function, no such tag, a value of another shape, tags refused).</summary>
    public async Task<string?> OwnerAsync(EngineOutcome outcome, CancellationToken cancellationToken)
    {
        // Another account's function is not read: its tags are its owner's business, and the call would be refused.
        if (outcome.FunctionArn is not { } function
            || LambdaFunctionArn.Parse(function) is not { IsSuccess: true } parsed
            || !string.Equals(parsed.Value!.AccountId, options.AccountId, StringComparison.Ordinal))
        {
            return null;
        }

        IReadOnlyDictionary<string, string> tags;
        try
        {
            tags = await reader.ListTagsAsync(function, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException)
        {
            // Routing never fails a notification: a function whose tags cannot be read (refused, throttled past the
            // retries, or gone) is announced without an owner, to the subscriptions that take unowned messages.
            return null;
        }

        return tags.TryGetValue(settings.OwnerTag, out string? owner) ? SafeIdentifiers.TagValue(owner) : null;
    }
}
