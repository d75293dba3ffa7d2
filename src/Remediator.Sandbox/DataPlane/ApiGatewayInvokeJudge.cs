using System.Text.Json;
using System.Text.RegularExpressions;

namespace Remediator.Sandbox.DataPlane;

/// <summary>
/// The sandbox's own, deliberately small judge of whether a function's resource policy lets API Gateway invoke
/// it, written apart from the product's evaluator (<c>Remediator.Core.Policy</c>) so that a bug in that
/// evaluator cannot also hide in the data plane that tests it.
/// </summary>
// It knows only the shape Lambda's AddPermission stores (README, "Local AWS sandbox"): an Allow statement whose
// Principal is exactly {"Service":"apigateway.amazonaws.com"}, whose Action is lambda:InvokeFunction, whose
// Resource is the invoked function ARN, and whose conditions are StringEquals or ArnLike on aws:SourceArn and
// aws:SourceAccount. Anything else in a statement makes that statement allow nothing; any Deny refuses the call.
// Both directions fail closed: the sandbox never lets a call through that it does not understand.
internal static class ApiGatewayInvokeJudge
{
    private const string Principal = "apigateway.amazonaws.com";
    private const string Action = "lambda:InvokeFunction";

    /// <summary>True when one statement of <paramref name="statements"/> allows the call and none denies anything.</summary>
    public static bool Allows(IReadOnlyList<JsonElement> statements, string functionArn, string sourceArn, string sourceAccount)
    {
        ArgumentNullException.ThrowIfNull(statements);
        var allowed = false;
        foreach (var statement in statements)
        {
            if (statement.ValueKind != JsonValueKind.Object || !statement.TryGetProperty("Effect", out var effect) || effect.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            if (effect.GetString() != "Allow")
            {
                // Lambda stores no Deny; one in the sandbox's state is not something this judge reads, so it refuses.
                return false;
            }

            allowed |= AllowsOne(statement, functionArn, sourceArn, sourceAccount);
        }

        return allowed;
    }

    private static bool AllowsOne(JsonElement statement, string functionArn, string sourceArn, string sourceAccount)
    {
        var known = new HashSet<string>(StringComparer.Ordinal) { "Sid", "Effect", "Principal", "Action", "Resource", "Condition" };
        foreach (var property in statement.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                return false;
            }
        }

        return statement.TryGetProperty("Principal", out var principal) && IsApiGateway(principal)
            && statement.TryGetProperty("Action", out var action) && action.ValueKind == JsonValueKind.String
            && string.Equals(action.GetString(), Action, StringComparison.OrdinalIgnoreCase)
            && statement.TryGetProperty("Resource", out var resource) && resource.ValueKind == JsonValueKind.String
            && resource.GetString() == functionArn
            && ConditionsHold(statement, sourceArn, sourceAccount);
    }

    private static bool IsApiGateway(JsonElement principal)
    {
        if (principal.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var properties = principal.EnumerateObject().ToList();
        return properties is [{ Name: "Service", Value: { ValueKind: JsonValueKind.String } service }] && service.GetString() == Principal;
    }

    private static bool ConditionsHold(JsonElement statement, string sourceArn, string sourceAccount)
    {
        if (!statement.TryGetProperty("Condition", out var condition))
        {
            return true;
        }

        if (condition.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (var block in condition.EnumerateObject())
        {
            if (block.Value.ValueKind != JsonValueKind.Object || block.Name is not ("StringEquals" or "ArnLike"))
            {
                return false;
            }

            foreach (var test in block.Value.EnumerateObject())
            {
                // Condition keys are case-insensitive; their values are not.
                string? actual = test.Name.ToUpperInvariant() switch
                {
                    "AWS:SOURCEARN" => sourceArn,
                    "AWS:SOURCEACCOUNT" => sourceAccount,
                    _ => null,
                };
                if (actual is null || !Values(test.Value).Any(expected => block.Name == "ArnLike" ? ArnLike(expected, actual) : expected == actual))
                {
                    return false;
                }
            }
        }

        return true;
    }

    // One string, or an array of strings of which any may match; anything else matches nothing.
    private static IEnumerable<string> Values(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Array when value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String) => value.EnumerateArray().Select(v => v.GetString()!),
        _ => [],
    };

    // ArnLike: six colon-separated parts (the last one takes the rest), each a glob of its own, case-sensitive.
    private static bool ArnLike(string pattern, string arn)
    {
        var patternParts = pattern.Split(':', 6);
        var arnParts = arn.Split(':', 6);
        return patternParts.Length == 6 && arnParts.Length == 6 && patternParts.Zip(arnParts).All(pair => Glob(pair.First).IsMatch(pair.Second));
    }

    private static Regex Glob(string pattern) =>
        new("^" + string.Concat(pattern.Select(c => c switch
        {
            '*' => ".*",
            '?' => ".",
            _ => Regex.Escape(c.ToString()),
        })) + "$", RegexOptions.NonBacktracking | RegexOptions.Singleline | RegexOptions.CultureInvariant);
}
