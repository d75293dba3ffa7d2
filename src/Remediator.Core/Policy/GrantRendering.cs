using System.Text;

namespace Remediator.Core.Policy;

/// <summary>What people and Lambda see of a <see cref="PermissionGrant"/>: the stored statement and the AWS CLI commands.</summary>
internal static class GrantRendering
{
    /// <summary>The statement exactly as Lambda stores it for <paramref name="grant"/>.</summary>
    public static string StatementJson(PermissionGrant grant) =>
        LambdaStatementWriter.WriteStatement(grant.StatementId, grant.Principal, grant.Action, grant.Function.Arn, grant.SourceArn, grant.SourceAccount);

    /// <summary>The AWS CLI command that makes <paramref name="grant"/>.</summary>
    public static string AddPermissionCommand(PermissionGrant grant)
    {
        var command = new StringBuilder("aws lambda add-permission");
        Append(command, "--function-name", grant.FunctionArn);
        Append(command, "--statement-id", grant.StatementId);
        Append(command, "--action", grant.Action);
        Append(command, "--principal", grant.Principal);
        Append(command, "--source-arn", grant.SourceArn);
        Append(command, "--source-account", grant.SourceAccount);
        AppendQualifierAndRegion(command, grant);
        return command.ToString();
    }

    /// <summary>The AWS CLI command that removes exactly <paramref name="grant"/> (and nothing else).</summary>
    public static string RemovePermissionCommand(PermissionGrant grant)
    {
        var command = new StringBuilder("aws lambda remove-permission");
        Append(command, "--function-name", grant.FunctionArn);
        Append(command, "--statement-id", grant.StatementId);
        AppendQualifierAndRegion(command, grant);
        return command.ToString();
    }

    private static void AppendQualifierAndRegion(StringBuilder command, PermissionGrant grant)
    {
        if (grant.Qualifier is not null)
        {
            Append(command, "--qualifier", grant.Qualifier);
        }

        // The CLI sends to its configured region; the function's region makes the command correct anywhere.
        Append(command, "--region", grant.Function.Region);
    }

    private static void Append(StringBuilder command, string option, string value) =>
        command.Append(' ').Append(option).Append(' ').Append(ShellQuoting.Quote(value));
}
