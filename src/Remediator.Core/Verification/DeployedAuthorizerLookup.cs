using Remediator.Core.Ports;

namespace Remediator.Core.Verification;

/// <summary>Gives a deployed REST authorizer (named by the stage export) the id a grant's source ARN needs.</summary>
internal static class DeployedAuthorizerLookup
{
    /// <summary>
    /// The deployed authorizer with its id. The export names authorizers but carries no ids, which only the API's
    /// authorizers (the draft) have; the id is taken only when the draft authorizer of that name is still the
    /// deployed one, else a grant could name an authorizer that does not serve the stage.
    /// </summary>
    public static async Task<(AuthorizerFacts? Authorizer, string? Problem)> IdentifyAsync(
        string apiId, string stage, DeployedAuthorizer deployed, ControlPlaneReader reader, CancellationToken cancellationToken)
    {
        IReadOnlyList<RestAuthorizer> all = await reader.GetRestAuthorizersAsync(apiId, cancellationToken).ConfigureAwait(false);
        RestAuthorizer[] named = [.. all.Where(a => string.Equals(a.Name, deployed.Name, StringComparison.Ordinal))];
        if (named.Length != 1)
        {
            return (null, named.Length == 0
                ? $"authorizer \"{deployed.Name}\" that stage {stage} serves is no longer an authorizer of REST API {apiId}, so its id is unknown; redeploy the stage"
                : $"{named.Length} authorizers of REST API {apiId} are named \"{deployed.Name}\", so the id of the one stage {stage} serves is unknown");
        }

        RestAuthorizer draft = named[0];
        bool same = string.Equals(draft.Type, deployed.Type, StringComparison.OrdinalIgnoreCase)
            && string.Equals(draft.AuthorizerUri, deployed.AuthorizerUri, StringComparison.Ordinal)
            && string.Equals(draft.AuthorizerCredentials, deployed.AuthorizerCredentials, StringComparison.Ordinal);
        return same
            ? (AuthorizerFacts.Of(draft), null)
            : (null, $"authorizer {draft.Id} (\"{deployed.Name}\") was changed after stage {stage} was deployed (deployed: {deployed.Type} {deployed.AuthorizerUri ?? "(no URI)"}; now: {draft.Type} {draft.AuthorizerUri ?? "(no URI)"}), so Remediator cannot tell that the deployed authorizer has its id; redeploy the stage or grant by hand");
    }
}
