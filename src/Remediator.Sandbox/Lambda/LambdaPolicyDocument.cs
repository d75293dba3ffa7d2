using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Remediator.Core.Policy;
using Remediator.Sandbox.State;

namespace Remediator.Sandbox.Lambda;

/// <summary>Builds resource-policy statements and documents in the exact form Lambda returns them.</summary>
internal static class LambdaPolicyDocument
{
    /// <summary>
    /// The statement AddPermission stores: principal as <c>Service</c>, <c>AWS</c> or <c>*</c>, and conditions
    /// <c>StringEquals</c> (source account, token, org, URL auth type) before <c>ArnLike</c> (source ARN).
    /// </summary>
    public static JsonElement Statement(AddPermissionRequest input, string resourceArn)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.EventSourceToken is null && input.PrincipalOrgId is null && input.FunctionUrlAuthType is null)
        {
            // The common shape (what Remediator itself adds) comes from the shared writer the engine also uses.
            return SandboxJson.Parse(LambdaStatementWriter.WriteStatement(
                input.StatementId!, input.Principal!, input.Action!, resourceArn, input.SourceArn, input.SourceAccount));
        }

        var statement = new JsonObject
        {
            ["Sid"] = input.StatementId,
            ["Effect"] = "Allow",
            ["Principal"] = Principal(input.Principal ?? string.Empty),
            ["Action"] = input.Action,
            ["Resource"] = resourceArn,
        };

        var equals = new JsonObject();
        AddIf(equals, "AWS:SourceAccount", input.SourceAccount);
        AddIf(equals, "lambda:EventSourceToken", input.EventSourceToken);
        AddIf(equals, "aws:PrincipalOrgID", input.PrincipalOrgId);
        AddIf(equals, "lambda:FunctionUrlAuthType", input.FunctionUrlAuthType);
        var condition = new JsonObject();
        if (equals.Count > 0)
        {
            condition["StringEquals"] = equals;
        }

        if (input.SourceArn is not null)
        {
            condition["ArnLike"] = new JsonObject { ["AWS:SourceArn"] = input.SourceArn };
        }

        if (condition.Count > 0)
        {
            statement["Condition"] = condition;
        }

        return SandboxJson.Parse(SandboxJson.Write(statement));
    }

    /// <summary><c>{"Version":"2012-10-17","Id":"default","Statement":[...]}</c>.</summary>
    public static string Document(IEnumerable<JsonElement> statements) =>
        LambdaStatementWriter.WritePolicy(statements.Select(s => s.GetRawText()));

    /// <summary>The document's size as Lambda measures it against the 20 KB limit.</summary>
    public static int Size(string document) => Encoding.UTF8.GetByteCount(document);

    /// <summary>The <c>Sid</c> of a stored statement.</summary>
    public static string? Sid(JsonElement statement) =>
        statement.TryGetProperty("Sid", out var sid) && sid.ValueKind == JsonValueKind.String ? sid.GetString() : null;

    private static JsonNode Principal(string principal) => principal switch
    {
        "*" => "*",
        _ when principal.Length == 12 && principal.All(char.IsAsciiDigit) => new JsonObject { ["AWS"] = $"arn:aws:iam::{principal}:root" },
        _ when principal.StartsWith("arn:", StringComparison.Ordinal) => new JsonObject { ["AWS"] = principal },
        _ => new JsonObject { ["Service"] = principal },
    };

    private static void AddIf(JsonObject target, string key, string? value)
    {
        if (value is not null)
        {
            target[key] = value;
        }
    }
}
