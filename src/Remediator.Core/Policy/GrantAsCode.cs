using System.Text;

namespace Remediator.Core.Policy;

/// <summary>
/// A <see cref="PermissionGrant"/> as infrastructure code, so a team codifies it and the next deployment keeps it: a
/// CloudFormation/SAM <c>AWS::Lambda::Permission</c> resource (an entry of a template's <c>Resources</c>) and a
/// Terraform <c>aws_lambda_permission</c> block, each stating exactly the grant's function (with its qualifier),
/// principal, action, source ARN and source account. Every value is a quoted literal (<see cref="CodeQuoting"/>);
/// comments hold only the statement id, which has a fixed shape.
/// </summary>
internal static class GrantAsCode
{
    /// <summary>The CloudFormation resource. CloudFormation names the statement it adds itself; the comment names Remediator's.</summary>
    public static string CloudFormation(PermissionGrant grant, bool applied)
    {
        // AWS::Lambda::Permission has no Qualifier property: the qualified ARN scopes it (CloudFormation Template
        // Reference, AWS::Lambda::Permission, FunctionName).
        var yaml = new StringBuilder();
        yaml.Append("# ").Append(applied ? "Remediator added" : "Remediator recommends").Append(" statement ").Append(grant.StatementId)
            .Append("; CloudFormation adds the same grant under an id of its own").Append(applied ? ", after which Remediator's copy can be removed." : ".").Append('\n');
        yaml.Append("RemediatorPermission").Append(Suffix(grant)).Append(":\n");
        yaml.Append("  Type: AWS::Lambda::Permission\n");
        yaml.Append("  Properties:\n");
        Property(yaml, "Action", grant.Action);
        Property(yaml, "FunctionName", grant.Function.Arn);
        Property(yaml, "Principal", grant.Principal);
        Property(yaml, "SourceAccount", grant.SourceAccount);
        Property(yaml, "SourceArn", grant.SourceArn);
        return yaml.ToString();
    }

    /// <summary>
    /// The Terraform resource, under Remediator's statement id; for a grant already applied, an <c>import</c> block
    /// (Terraform 1.5 and later) first, so Terraform adopts the statement instead of failing to add it again.
    /// </summary>
    public static string Terraform(PermissionGrant grant, bool applied)
    {
        string name = "remediator_" + Suffix(grant);
        var hcl = new StringBuilder();
        if (applied)
        {
            // The provider's import id: function name, ":qualifier" when there is one, "/" and the statement id.
            string id = grant.Function.FunctionName + (grant.Qualifier is { } q ? ":" + q : string.Empty) + "/" + grant.StatementId;
            hcl.Append("# Remediator added this statement: the import block adopts it.\n");
            hcl.Append("import {\n");
            hcl.Append("  to = aws_lambda_permission.").Append(name).Append('\n');
            hcl.Append("  id = ").Append(CodeQuoting.Hcl(id)).Append('\n');
            hcl.Append("}\n\n");
        }

        hcl.Append("resource \"aws_lambda_permission\" \"").Append(name).Append("\" {\n");
        Argument(hcl, "statement_id", grant.StatementId);
        Argument(hcl, "action", grant.Action);
        Argument(hcl, "function_name", grant.FunctionArn);
        if (grant.Qualifier is { } qualifier)
        {
            Argument(hcl, "qualifier", qualifier);
        }

        Argument(hcl, "principal", grant.Principal);
        Argument(hcl, "source_arn", grant.SourceArn);
        Argument(hcl, "source_account", grant.SourceAccount);
        return hcl.Append("}\n").ToString();
    }

    // The statement id ends in 16 hex digits of its hash: the same grant always gets the same resource names.
    private static string Suffix(PermissionGrant grant) => grant.StatementId[^16..];

    private static void Property(StringBuilder yaml, string name, string value) =>
        yaml.Append("    ").Append(name).Append(": ").Append(CodeQuoting.Yaml(value)).Append('\n');

    // Aligned as terraform fmt aligns the arguments of one block.
    private static void Argument(StringBuilder hcl, string name, string value) =>
        hcl.Append("  ").Append(name.PadRight("source_account".Length)).Append(" = ").Append(CodeQuoting.Hcl(value)).Append('\n');
}
