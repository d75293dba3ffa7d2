using System.Text.Json;
using Remediator.Core.Ports;

namespace Remediator.Core.Verification;

/// <summary>
/// Reads a REST stage's export (GetExport, OpenAPI 3 or Swagger 2, with the <c>integrations</c> and <c>authorizers</c>
/// extensions) into the methods and authorizers the stage serves. Pure and strict: anything larger than
/// <see cref="MaxBytes"/>, not JSON, or not of the documented shape is a failure, never a partial definition,
/// because a method left out could be the one that failed.
/// </summary>
public static class RestExportReader
{
    /// <summary>
    /// The largest export read: API Gateway imports definitions of at most 6 MB (ImportRestApi), and an export with
    /// only the integration and authorizer extensions is smaller than the definition it came from.
    /// </summary>
    public const int MaxBytes = 6 * 1024 * 1024;

    /// <summary>The verb API Gateway exports an <c>ANY</c> method under.</summary>
    public const string AnyMethodKey = "x-amazon-apigateway-any-method";

    /// <summary>The operation extension that carries a method's integration.</summary>
    public const string IntegrationKey = "x-amazon-apigateway-integration";

    /// <summary>The security-scheme extension that makes a scheme an authorizer.</summary>
    public const string AuthorizerKey = "x-amazon-apigateway-authorizer";

    private static readonly string[] Verbs = ["get", "put", "post", "delete", "options", "head", "patch"];

    /// <summary>The deployment <paramref name="json"/> describes, or why it cannot be read.</summary>
    public static Result<RestDeployment, string> Read(ReadOnlyMemory<byte> json)
    {
        if (json.Length > MaxBytes)
        {
            return $"the stage export has {json.Length} bytes, more than the {MaxBytes} Remediator reads";
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
            return Read(document.RootElement);
        }
        catch (JsonException e)
        {
            return $"the stage export is not JSON ({e.Message})";
        }
        catch (FormatException e)
        {
            return $"the stage export is not of the documented shape ({e.Message})";
        }
    }

    private static Result<RestDeployment, string> Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return "the stage export is not a JSON object";
        }

        JsonElement? schemes = SchemesOf(root, out string? version);
        if (version is null)
        {
            return "the stage export is neither an OpenAPI 3 nor a Swagger 2 definition";
        }

        if (!root.TryGetProperty("paths", out JsonElement paths) || paths.ValueKind != JsonValueKind.Object)
        {
            return $"the {version} stage export has no paths object";
        }

        (Dictionary<string, DeployedAuthorizer> authorizers, HashSet<string> names) = Authorizers(schemes);
        JsonElement? rootSecurity = root.TryGetProperty("security", out JsonElement security) ? security : null;
        var methods = new List<DeployedMethod>();
        var seen = new HashSet<(string, string)>();
        foreach (JsonProperty path in paths.EnumerateObject())
        {
            if (!path.Name.StartsWith('/') || path.Value.ValueKind != JsonValueKind.Object)
            {
                return $"path \"{path.Name}\" of the stage export is not a resource path with operations";
            }

            foreach (JsonProperty operation in path.Value.EnumerateObject())
            {
                if (Verb(operation.Name) is not { } verb)
                {
                    continue;
                }

                if (!seen.Add((path.Name, verb)))
                {
                    return $"the stage export defines {verb} {path.Name} twice";
                }

                if (operation.Value.ValueKind != JsonValueKind.Object)
                {
                    return $"{verb} {path.Name} of the stage export is not an operation object";
                }

                string? authorizer = AuthorizerOf(operation.Value, rootSecurity, authorizers, names, $"{verb} {path.Name}");
                methods.Add(new DeployedMethod(path.Name, verb, IntegrationOf(operation.Value), authorizer));
            }
        }

        return new RestDeployment(methods, authorizers);
    }

    // OpenAPI 3 keeps security schemes in components.securitySchemes, Swagger 2 in securityDefinitions.
    private static JsonElement? SchemesOf(JsonElement root, out string? version)
    {
        if (root.TryGetProperty("openapi", out JsonElement openapi) && openapi.ValueKind == JsonValueKind.String && openapi.GetString()!.StartsWith("3.", StringComparison.Ordinal))
        {
            version = "OpenAPI 3";
            return root.TryGetProperty("components", out JsonElement components) && components.ValueKind == JsonValueKind.Object
                && components.TryGetProperty("securitySchemes", out JsonElement schemes)
                ? schemes
                : null;
        }

        if (root.TryGetProperty("swagger", out JsonElement swagger) && swagger.ValueKind == JsonValueKind.String && swagger.GetString() == "2.0")
        {
            version = "Swagger 2";
            return root.TryGetProperty("securityDefinitions", out JsonElement definitions) ? definitions : null;
        }

        version = null;
        return null;
    }

    /// <summary>The authorizer schemes by name, and the names of every scheme (authorizer or not).</summary>
    private static (Dictionary<string, DeployedAuthorizer> Authorizers, HashSet<string> Names) Authorizers(JsonElement? schemes)
    {
        var authorizers = new Dictionary<string, DeployedAuthorizer>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (schemes is not { } all)
        {
            return (authorizers, names);
        }

        foreach (JsonProperty scheme in Object(all, "the security schemes").EnumerateObject())
        {
            names.Add(scheme.Name);
            JsonElement value = Object(scheme.Value, $"security scheme \"{scheme.Name}\"");
            if (!value.TryGetProperty(AuthorizerKey, out JsonElement authorizer))
            {
                continue;
            }

            string where = $"authorizer \"{scheme.Name}\"";
            Object(authorizer, where);
            string type = String(authorizer, "type", where) ?? throw new FormatException($"{where} has no type");
            authorizers[scheme.Name] = new DeployedAuthorizer(
                scheme.Name, type.ToUpperInvariant(), String(authorizer, "authorizerUri", where), String(authorizer, "authorizerCredentials", where));
        }

        return (authorizers, names);
    }

    private static RestIntegration? IntegrationOf(JsonElement operation)
    {
        if (!operation.TryGetProperty(IntegrationKey, out JsonElement integration))
        {
            return null;
        }

        const string Where = "an integration";
        Object(integration, Where);
        string type = String(integration, "type", Where) ?? throw new FormatException("an integration has no type");
        return new RestIntegration(type.ToUpperInvariant(), String(integration, "uri", Where), String(integration, "credentials", Where), String(integration, "httpMethod", Where));
    }

    // An operation's own security list replaces the document's; a method has at most one authorizer.
    private static string? AuthorizerOf(
        JsonElement operation, JsonElement? rootSecurity, Dictionary<string, DeployedAuthorizer> authorizers, HashSet<string> names, string method)
    {
        JsonElement? security = operation.TryGetProperty("security", out JsonElement own) ? own : rootSecurity;
        if (security is not { } requirements)
        {
            return null;
        }

        if (requirements.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"the security of {method} is not a list");
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonElement requirement in requirements.EnumerateArray())
        {
            foreach (JsonProperty scheme in Object(requirement, $"a security requirement of {method}").EnumerateObject())
            {
                if (!names.Contains(scheme.Name))
                {
                    throw new FormatException($"{method} requires security scheme \"{scheme.Name}\", which the export does not define");
                }

                if (authorizers.ContainsKey(scheme.Name))
                {
                    used.Add(scheme.Name);
                }
            }
        }

        return used.Count switch
        {
            0 => null,
            1 => used.First(),
            _ => throw new FormatException($"{method} names {used.Count} authorizers, and a method has one"),
        };
    }

    private static string? Verb(string key)
    {
        if (string.Equals(key, AnyMethodKey, StringComparison.OrdinalIgnoreCase))
        {
            return RestMethodSelector.AnyMethod;
        }

        foreach (string verb in Verbs)
        {
            if (string.Equals(key, verb, StringComparison.OrdinalIgnoreCase))
            {
                return verb.ToUpperInvariant();
            }
        }

        return null;
    }

    private static JsonElement Object(JsonElement element, string what) =>
        element.ValueKind == JsonValueKind.Object ? element : throw new FormatException($"{what} is not a JSON object");

    private static string? String(JsonElement element, string name, string where)
    {
        if (!element.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw new FormatException($"{name} of {where} is not a string");
    }
}
