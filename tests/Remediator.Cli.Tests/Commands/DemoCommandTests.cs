using Remediator.Cli.Commands;

namespace Remediator.Cli.Tests.Commands;

public sealed class DemoCommandTests
{
    [Fact]
    public void Demo_FreshSandbox_TellsTheWholeStoryInOrderAndExitsZero()
    {
        CliRun run = CliRun.Execute("demo");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Output + run.Error);
        Assert.Empty(run.Error);
        string output = run.Output;
        int failed = IndexOf(output, "GET /prod/pets/42 -> 500");
        int evidence = IndexOf(output, "Execution failed due to configuration error: Invalid permissions on Lambda function");
        int verified = IndexOf(output, "resolves to function arn:aws:lambda:us-east-1:000000000000:function:pets-prod (stage variable petsFunction=pets-prod)");
        int fixedLine = IndexOf(output, "Fixed (PermissionMissing)");
        int statement = IndexOf(output, "\"AWS:SourceArn\": \"arn:aws:execute-api:us-east-1:000000000000:");
        int logLine = IndexOf(output, "\"outcome\":\"fixed\"");
        int notification = IndexOf(output, "Subject: Remediator fixed: API Gateway may now invoke pets-prod");
        int protocols = IndexOf(output, "One message per protocol (default, email, https, sqs, lambda)");
        int recovered = IndexOf(output, "GET /prod/pets/42 -> 200");
        int ticketPath = IndexOf(output, "6. The ticket path: the same outage on a second API");
        int recommended = IndexOf(output, "Recommended (PermissionMissing): recommend mode, nothing written");
        int opsItem = IndexOf(output, ": Open, severity 2, Availability, source Remediator");
        int title = IndexOf(output, "title: API Gateway may not invoke pets-staging");
        int fix = IndexOf(output, "remediator:fixCommand: aws lambda add-permission --function-name arn:aws:lambda:us-east-1:000000000000:function:pets-staging");
        int resolved = IndexOf(output, "the next batch: AlreadyAllowed (PolicyAllows), OpsItem oi-");
        Assert.True(
            failed < evidence && evidence < verified && verified < fixedLine && fixedLine < statement
            && statement < logLine && logLine < notification && notification < protocols && protocols < recovered
            && recovered < ticketPath && ticketPath < recommended && recommended < opsItem && opsItem < title && title < fix && fix < resolved,
            output);
        Assert.Contains(" Resolved:", output[resolved..], StringComparison.Ordinal);
        Assert.Contains("owner=team-pets", output[protocols..recovered], StringComparison.Ordinal);
        Assert.Contains("severity=info", output[protocols..recovered], StringComparison.Ordinal);
        Assert.Contains("Healed in", run.OutputLines[^1], StringComparison.Ordinal);
    }

    private static int IndexOf(string output, string text)
    {
        int index = output.IndexOf(text, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{text}' is missing from:\n{output}");
        return index;
    }
}
