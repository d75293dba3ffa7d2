using Remediator.Core.Ports;

namespace Remediator.Core.Verification;

/// <summary>
/// Picks the REST resource and method API Gateway runs for a concrete request: among resources whose
/// template matches the path and that define the verb or <c>ANY</c>, the most specific template wins;
/// on one resource the verb beats <c>ANY</c>.
/// </summary>
public static class RestMethodSelector
{
    /// <summary>The <c>ANY</c> method's name.</summary>
    public const string AnyMethod = "ANY";

    /// <summary>The selected resource and method, or null when no resource serves the request.</summary>
    public static RestSelection? Select(IReadOnlyList<RestResource> resources, string httpMethod, string path)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(httpMethod);
        ArgumentNullException.ThrowIfNull(path);
        RestSelection? best = null;
        PathSpecificity? bestSpecificity = null;
        foreach (RestResource resource in resources)
        {
            RestMethod? method = MethodFor(resource, httpMethod);
            if (method is null || PathTemplate.Match(resource.Path, path) is not { } specificity)
            {
                continue;
            }

            if (bestSpecificity is null || specificity.CompareTo(bestSpecificity) < 0)
            {
                (best, bestSpecificity) = (new RestSelection(resource, method), specificity);
            }
        }

        return best;
    }

    /// <summary>The resource's method for the verb: the verb itself, else <c>ANY</c>.</summary>
    public static RestMethod? MethodFor(RestResource resource, string httpMethod)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Find(resource.Methods, httpMethod) ?? Find(resource.Methods, AnyMethod);
    }

    private static RestMethod? Find(IReadOnlyDictionary<string, RestMethod> methods, string verb)
    {
        foreach ((string key, RestMethod method) in methods)
        {
            if (string.Equals(key, verb, StringComparison.OrdinalIgnoreCase))
            {
                return method;
            }
        }

        return null;
    }
}

/// <summary>A resource and the method of it that serves a request.</summary>
public sealed record RestSelection(RestResource Resource, RestMethod Method);
