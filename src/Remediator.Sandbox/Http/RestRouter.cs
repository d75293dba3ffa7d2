namespace Remediator.Sandbox.Http;

/// <summary>One resolved operation: the logical service, the operation name and the path parameters.</summary>
internal sealed record ServiceCall(string Service, string Operation, IReadOnlyDictionary<string, string> PathValues)
{
    /// <summary>The key used for request counts and fault rules: <c>service:Operation</c>.</summary>
    public string Key => $"{Service}:{Operation}";

    /// <summary>A path parameter by name (templates guarantee presence).</summary>
    public string this[string name] => PathValues[name];
}

/// <summary>Maps method + path templates such as <c>/restapis/{restapi_id}/stages</c> to operation names.</summary>
internal sealed class RestRouter(string service)
{
    private readonly List<(string Method, string[] Template, string Operation)> _routes = [];

    /// <summary>Adds a route; <c>{name}</c> segments capture one decoded path segment.</summary>
    public RestRouter Add(string method, string template, string operation)
    {
        ArgumentNullException.ThrowIfNull(template);
        _routes.Add((method, template.Trim('/').Split('/'), operation));
        return this;
    }

    /// <summary>The matching operation, or null when no template fits.</summary>
    public ServiceCall? Match(string method, IReadOnlyList<string> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        foreach (var (routeMethod, template, operation) in _routes)
        {
            if (!routeMethod.Equals(method, StringComparison.Ordinal) || template.Length != segments.Count)
            {
                continue;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var matched = true;
            for (var i = 0; i < template.Length && matched; i++)
            {
                if (template[i].StartsWith('{'))
                {
                    values[template[i][1..^1]] = segments[i];
                }
                else
                {
                    matched = template[i].Equals(segments[i], StringComparison.Ordinal);
                }
            }

            if (matched)
            {
                return new ServiceCall(service, operation, values);
            }
        }

        return null;
    }
}
