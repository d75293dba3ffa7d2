using System.Text;

namespace Remediator.Core.Policy;

public sealed partial class PermissionGrant
{
    /// <summary>The statement exactly as Lambda stores it for this grant.</summary>
    public string ToStatementJson() =>
        LambdaStatementWriter.WriteStatement(StatementId, Principal, Action, Function.Arn, SourceArn, SourceAccount);

    /// <summary>The AWS CLI command that makes this grant, for people to review or run by hand.</summary>
    public string ToAddPermissionCommand()
    {
        var command = new StringBuilder("aws lambda add-permission");
        Append(command, "--function-name", FunctionArn);
        Append(command, "--statement-id", StatementId);
        Append(command, "--action", Action);
        Append(command, "--principal", Principal);
        Append(command, "--source-arn", SourceArn);
        Append(command, "--source-account", SourceAccount);
        AppendQualifierAndRegion(command);
        return command.ToString();
    }

    /// <summary>The AWS CLI command that removes exactly this grant (and nothing else).</summary>
    public string ToRemovePermissionCommand()
    {
        var command = new StringBuilder("aws lambda remove-permission");
        Append(command, "--function-name", FunctionArn);
        Append(command, "--statement-id", StatementId);
        AppendQualifierAndRegion(command);
        return command.ToString();
    }

    private void AppendQualifierAndRegion(StringBuilder command)
    {
        if (Qualifier is not null)
        {
            Append(command, "--qualifier", Qualifier);
        }

        // The CLI sends to its configured region; the function's region makes the command correct anywhere.
        Append(command, "--region", Function.Region);
    }

    private static void Append(StringBuilder command, string option, string value) =>
        command.Append(' ').Append(option).Append(' ').Append(ShellQuoting.Quote(value));
}
