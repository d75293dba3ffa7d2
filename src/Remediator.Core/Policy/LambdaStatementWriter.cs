using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Remediator.Core.Policy;

/// <summary>
/// Writes policy statements the way Lambda stores what AddPermission adds (and returns in its
/// <c>Statement</c> field): Sid, Effect, Principal, Action, Resource, then Condition with
/// <c>StringEquals AWS:SourceAccount</c> and <c>ArnLike AWS:SourceArn</c> when given.
/// </summary>
public static class LambdaStatementWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        // Lambda does not escape '+', '&' or quotes-as-unicode; neither do we (the output is JSON, not HTML).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>One statement as Lambda renders an AddPermission call.</summary>
    /// <param name="principal">A service (<c>apigateway.amazonaws.com</c>), an account id, an IAM ARN or <c>*</c>.</param>
    /// <param name="resourceArn">The function ARN, with the qualifier when the permission is on a version or alias.</param>
    public static string WriteStatement(
        string statementId, string principal, string action, string resourceArn, string? sourceArn, string? sourceAccount)
    {
        ArgumentException.ThrowIfNullOrEmpty(statementId);
        ArgumentException.ThrowIfNullOrEmpty(principal);
        ArgumentException.ThrowIfNullOrEmpty(action);
        ArgumentException.ThrowIfNullOrEmpty(resourceArn);
        return Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("Sid", statementId);
            writer.WriteString("Effect", "Allow");
            WritePrincipal(writer, principal, resourceArn);
            writer.WriteString("Action", action);
            writer.WriteString("Resource", resourceArn);
            if (sourceArn is not null || sourceAccount is not null)
            {
                writer.WriteStartObject("Condition");
                if (sourceAccount is not null)
                {
                    writer.WriteStartObject("StringEquals");
                    writer.WriteString(PolicyConstants.SourceAccountKey, sourceAccount);
                    writer.WriteEndObject();
                }

                if (sourceArn is not null)
                {
                    writer.WriteStartObject("ArnLike");
                    writer.WriteString(PolicyConstants.SourceArnKey, sourceArn);
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        });
    }

    /// <summary>A whole function policy as GetPolicy returns it, around statements written by <see cref="WriteStatement"/>.</summary>
    public static string WritePolicy(IEnumerable<string> statements)
    {
        ArgumentNullException.ThrowIfNull(statements);
        return Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("Version", PolicyConstants.PolicyVersion);
            writer.WriteString("Id", "default");
            writer.WriteStartArray("Statement");
            foreach (var statement in statements)
            {
                writer.WriteRawValue(statement);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static void WritePrincipal(Utf8JsonWriter writer, string principal, string resourceArn)
    {
        if (principal == "*")
        {
            writer.WriteString("Principal", "*");
            return;
        }

        writer.WriteStartObject("Principal");
        if (principal.Length == 12 && principal.All(char.IsAsciiDigit))
        {
            // Lambda turns an account id into the account's root ARN in the resource's partition.
            var partition = resourceArn.Split(':') is [_, var p, ..] ? p : AwsPartition.Standard;
            writer.WriteString("AWS", $"arn:{partition}:iam::{principal}:root");
        }
        else
        {
            writer.WriteString(principal.StartsWith("arn:", StringComparison.Ordinal) ? "AWS" : "Service", principal);
        }

        writer.WriteEndObject();
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            body(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
