using Remediator.Core.Decisions;
using Remediator.Core.Engine;
using Remediator.Core.Notifications;
using Remediator.Core.Observability;

namespace Remediator.Cli.Output;

/// <summary>The text form of <c>replay</c>: one line per outcome, its detail indented under it, then a summary.</summary>
internal static class OutcomeText
{
    public static void Write(TextWriter output, EngineResult result, string mode)
    {
        foreach (EngineOutcome outcome in result.Outcomes)
        {
            string where = outcome.ApiId is null ? "-" : $"{outcome.ApiId}/{outcome.Stage}";
            string target = outcome.AuthorizerId is not null ? $"authorizer {outcome.AuthorizerId}"
                : outcome.RouteKey ?? (outcome.HttpMethod is null ? "-" : $"{outcome.HttpMethod} {outcome.ResourcePath}");
            string function = outcome.FunctionArn is null ? "-" : outcome.Qualifier is null ? outcome.FunctionArn : $"{outcome.FunctionArn}:{outcome.Qualifier}";
            output.WriteLine(Clean($"{outcome.Outcome} ({outcome.Reason})  {outcome.Kind?.ToString() ?? "-"}  {where}  {target}  {function}"));
            output.WriteLine($"  {Clean(outcome.Detail)}");
            if (outcome.Outcome is RemediationOutcome.Fixed && outcome.RemovePermissionCommand is { } undo)
            {
                output.WriteLine($"  undo: {Clean(undo)}");
            }
            else if (outcome.Outcome is RemediationOutcome.Recommended or RemediationOutcome.Observed && outcome.AddPermissionCommand is { } apply)
            {
                output.WriteLine($"  apply: {Clean(apply)}");
            }
        }

        string counts = string.Join(", ", result.Outcomes.GroupBy(o => o.Outcome).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}"));
        output.WriteLine(
            $"{result.Outcomes.Count} outcome(s) for {result.EventsRead} event(s) in {mode} mode"
            + (counts.Length == 0 ? "." : $": {counts}."));
    }

    // Details quote logs and API names: one clean line each on the operator's terminal too.
    private static string Clean(string text) => UntrustedText.Line(text, StructuredLogFormatter.MaxFieldChars);
}
