using System.Text.Json;

namespace Remediator.Core.Policy;

/// <summary>
/// Parses a resource-based policy document (the JSON string Lambda's GetPolicy returns). Strict on
/// purpose: anything outside the IAM grammar (unknown or duplicated elements, wrong shapes, unknown
/// Version) is a parse error rather than a guess, so a policy we misread can never look like an Allow.
/// </summary>
public static class PolicyParser
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 16,
    };

    private static readonly HashSet<string> DocumentElements = ["Version", "Id", "Statement"];

    private static readonly HashSet<string> StatementElements =
    [
        "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition",
    ];

    /// <summary>Parses <paramref name="json"/>; never throws for bad input.</summary>
    public static Result<PolicyDocument, string> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return Result<PolicyDocument, string>.Failure("policy is empty");
        }

        if (json.Length > PolicyConstants.MaxPolicyJsonLength)
        {
            return Result<PolicyDocument, string>.Failure($"policy is {json.Length} characters, over the {PolicyConstants.MaxPolicyJsonLength} accepted");
        }

        try
        {
            using var document = JsonDocument.Parse(json, Options);
            return ParseDocument(document.RootElement);
        }
        catch (JsonException ex)
        {
            return Result<PolicyDocument, string>.Failure($"policy is not valid JSON: {ex.Message}");
        }
        catch (ArgumentException ex)
        {
            // A lone UTF-16 surrogate in the text cannot be transcoded to UTF-8 for parsing.
            return Result<PolicyDocument, string>.Failure($"policy is not valid text: {ex.Message}");
        }
        catch (InvalidOperationException ex)
        {
            // An escaped lone surrogate ("\uD800") parses, then fails when read as a string.
            return Result<PolicyDocument, string>.Failure($"policy has an invalid string: {ex.Message}");
        }
    }

    private static Result<PolicyDocument, string> ParseDocument(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Result<PolicyDocument, string>.Failure("policy is not a JSON object");
        }

        if (!PolicyElementParser.TryReadMembers(root, DocumentElements, "policy", out var members, out var error))
        {
            return Result<PolicyDocument, string>.Failure(error);
        }

        string? version = null;
        if (members.TryGetValue("Version", out var versionElement))
        {
            version = versionElement.ValueKind == JsonValueKind.String ? versionElement.GetString() : null;
            if (version is not (PolicyConstants.PolicyVersion or PolicyConstants.LegacyPolicyVersion))
            {
                return Result<PolicyDocument, string>.Failure($"unsupported policy Version {versionElement.GetRawText()}");
            }
        }

        string? id = null;
        if (members.TryGetValue("Id", out var idElement))
        {
            if (idElement.ValueKind != JsonValueKind.String)
            {
                return Result<PolicyDocument, string>.Failure("policy Id is not a string");
            }

            id = idElement.GetString();
        }

        if (!members.TryGetValue("Statement", out var statementElement))
        {
            return Result<PolicyDocument, string>.Failure("policy has no Statement");
        }

        var statementElements = statementElement.ValueKind switch
        {
            JsonValueKind.Object => [statementElement],
            JsonValueKind.Array => statementElement.EnumerateArray().ToList(),
            _ => null,
        };
        if (statementElements is null || statementElements.Count == 0)
        {
            return Result<PolicyDocument, string>.Failure("policy Statement is neither an object nor a non-empty array");
        }

        var statements = new List<PolicyStatement>(statementElements.Count);
        for (var index = 0; index < statementElements.Count; index++)
        {
            if (!TryParseStatement(statementElements[index], index, out var statement, out error))
            {
                return Result<PolicyDocument, string>.Failure($"statement #{index}: {error}");
            }

            statements.Add(statement);
        }

        return Result<PolicyDocument, string>.Success(new PolicyDocument(version, id, statements));
    }

    private static bool TryParseStatement(JsonElement element, int index, out PolicyStatement statement, out string error)
    {
        statement = null!;
        if (element.ValueKind != JsonValueKind.Object)
        {
            error = "not a JSON object";
            return false;
        }

        if (!PolicyElementParser.TryReadMembers(element, StatementElements, "statement", out var members, out error))
        {
            return false;
        }

        string? sid = null;
        if (members.TryGetValue("Sid", out var sidElement))
        {
            if (sidElement.ValueKind != JsonValueKind.String)
            {
                error = "Sid is not a string";
                return false;
            }

            sid = sidElement.GetString();
        }

        if (!PolicyElementParser.TryParseEffect(members, out var effect, out error)
            || !PolicyElementParser.TryParsePrincipal(members, out var principal, out error)
            || !PolicyElementParser.TryParsePatterns(members, "Action", "NotAction", out var action, out error)
            || !PolicyElementParser.TryParsePatterns(members, "Resource", "NotResource", out var resource, out error)
            || !PolicyElementParser.TryParseConditions(members, out var conditions, out error))
        {
            return false;
        }

        if (action is null)
        {
            error = "has neither Action nor NotAction";
            return false;
        }

        statement = new PolicyStatement
        {
            Index = index,
            Sid = sid,
            Effect = effect,
            Principal = principal,
            Action = action,
            Resource = resource,
            Conditions = conditions,
        };
        return true;
    }
}
