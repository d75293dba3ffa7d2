using Remediator.Core.Ports;

namespace Remediator.Core.Verification;

/// <summary>
/// Picks the deployed REST method API Gateway runs for a concrete request: among methods whose resource template
/// matches the path and whose verb is the request's or <c>ANY</c>, the most specific template wins; on one
/// resource the verb beats <c>ANY</c>.
/// </summary>
public static class RestMethodSelector
{
    /// <summary>The <c>ANY</c> method's name.</summary>
    public const string AnyMethod = "ANY";

    /// <summary>The selected method, or null when no deployed method serves the request.</summary>
    public static DeployedMethod? Select(IReadOnlyList<DeployedMethod> methods, string httpMethod, string path)
    {
        ArgumentNullException.ThrowIfNull(methods);
        ArgumentNullException.ThrowIfNull(httpMethod);
        ArgumentNullException.ThrowIfNull(path);
        DeployedMethod? best = null;
        PathSpecificity? bestSpecificity = null;
        foreach (DeployedMethod method in methods)
        {
            bool isAny = string.Equals(method.HttpMethod, AnyMethod, StringComparison.OrdinalIgnoreCase);
            if ((!isAny && !string.Equals(method.HttpMethod, httpMethod, StringComparison.OrdinalIgnoreCase))
                || PathTemplate.Match(method.Path, path) is not { } specificity)
            {
                continue;
            }

            // Two templates of one specificity that match one path are one resource: there the verb beats ANY.
            int order = bestSpecificity is null ? -1 : specificity.CompareTo(bestSpecificity);
            if (order < 0 || (order == 0 && !isAny))
            {
                (best, bestSpecificity) = (method, specificity);
            }
        }

        return best;
    }
}
