using System.Globalization;
using System.Text;
using Remediator.Core.Decisions;
using Remediator.Core.Engine;
using Remediator.Core.Policy;
using Remediator.Core.Ports;

namespace Remediator.Core.Tickets;

/// <summary>
/// The OpsItem of an outcome, written once: a title a person can scan, a description with the notification's
/// facts, related resources, and operational data (root-cause key, the exact fix, counts, evidence, what was
/// verified). Every value that came from logs or API names is cleaned and bounded (<see cref="TicketText"/>).
/// </summary>
public static class TicketContent
{
    // A title a person scans in a list: well inside OpsCenter's 1024 characters.
    private const int TitleLength = 160;

    /// <summary>A new OpsItem for <paramref name="outcome"/>, counted over the root cause's <paramref name="record"/>.</summary>
    public static OpsItemDraft Draft(EngineOutcome outcome, LedgerRecord record)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(record);
        TicketClass ticketClass = TicketClass.Of(outcome.Reason, outcome.Kind);
        return new OpsItemDraft(
            Title(outcome),
            Description(outcome, record),
            OpsItemFields.Source,
            ticketClass.Severity,
            ticketClass.Category,
            record.Key,
            ResourceArns(outcome),
            Data(outcome, record));
    }

    /// <summary>The update of the open OpsItem <paramref name="opsItemId"/> when the root cause is seen again.</summary>
    public static OpsItemUpdate Update(string opsItemId, EngineOutcome outcome, LedgerRecord record)
    {
        ArgumentException.ThrowIfNullOrEmpty(opsItemId);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(record);
        return new OpsItemUpdate(opsItemId, Description(outcome, record), Data(outcome, record));
    }

    /// <summary>The note a resolved OpsItem keeps: when, and what Remediator verified.</summary>
    public static IReadOnlyDictionary<string, OpsItemData> Resolution(EngineOutcome outcome, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var note = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Resolved by Remediator at {Time(now)}: {outcome.Outcome} ({outcome.Reason}), {TicketText.Line(outcome.Detail)}.");
        foreach (string step in outcome.Verified)
        {
            note.Append("\n- ").Append(TicketText.Line(step));
        }

        return new Dictionary<string, OpsItemData>(StringComparer.Ordinal)
        {
            [OpsItemFields.Resolution] = new(TicketText.ClipBytes(note.ToString(), TicketText.MaxDataValueBytes)),
        };
    }

    /// <summary>The title: what is wrong, the function, the API, stage and route.</summary>
    public static string Title(EngineOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        string where = outcome.ApiId is null ? string.Empty : $" ({outcome.ApiId}/{outcome.Stage}{(Target(outcome) is { } target ? " " + target : string.Empty)})";
        string title = $"{TicketClass.Of(outcome.Reason, outcome.Kind).Phrase} {Function(outcome) ?? "its function"}{where} [{outcome.Reason}]";
        return TicketText.Clip(TicketText.Line(title), TitleLength);
    }

    /// <summary>The related resources: the function and the API (OpsCenter's <c>/aws/resources</c>).</summary>
    public static IReadOnlyList<string> ResourceArns(EngineOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var arns = new List<string>();
        if (outcome.FunctionArn is { } function)
        {
            arns.Add(function);
        }

        // Only values of the shapes a grant accepts make an ARN.
        if (outcome.ApiId is { } apiId && outcome.Region is { } region && ApiTarget.ApiIdPattern().IsMatch(apiId) && ApiTarget.RegionPattern().IsMatch(region))
        {
            string kind = outcome.ApiType == Diagnosis.ApiType.Rest ? "restapis" : "apis";
            arns.Add($"arn:{AwsPartition.FromRegion(region)}:apigateway:{region}::/{kind}/{apiId}");
        }

        return arns;
    }

    private static string Description(EngineOutcome outcome, LedgerRecord record)
    {
        var text = new StringBuilder();
        text.Append(outcome.Outcome == RemediationOutcome.Recommended
            ? "Remediator recommends a permission and changed nothing."
            : $"Remediator needs a person ({outcome.Reason}) and changed nothing.").Append("\n\n");
        Fact(text, "Where", $"{outcome.ApiType} API {outcome.ApiId ?? "unknown"}, stage {outcome.Stage ?? "unknown"}{(Target(outcome) is { } target ? ", " + target : string.Empty)}");
        Fact(text, "Function", outcome.FunctionArn is null ? "not resolved" : outcome.FunctionArn + (outcome.Qualifier is { } qualifier ? $" (qualifier {qualifier})" : string.Empty));
        Fact(text, "Seen", $"{record.Occurrences} log event(s) from {Time(record.FirstSeen)} to {Time(record.LastSeen)}");
        Fact(text, "Why", outcome.Detail);
        if (outcome.AddPermissionCommand is { } fix)
        {
            Fact(text, "Fix", fix);
        }

        text.Append(CultureInfo.InvariantCulture, $"\nRoot cause {record.Key}, account {outcome.AccountId}, region {outcome.Region}. Evidence, what was verified and the statement are in the operational data.");
        return TicketText.Clip(text.ToString(), TicketText.MaxDescriptionLength);
    }

    private static Dictionary<string, OpsItemData> Data(EngineOutcome outcome, LedgerRecord record)
    {
        var data = new Dictionary<string, OpsItemData>(StringComparer.Ordinal)
        {
            [OpsItemFields.RootCauseKey] = new(record.Key, Searchable: true),
            [OpsItemFields.Outcome] = new($"{outcome.Outcome} ({outcome.Reason})", Searchable: true),
            [OpsItemFields.Occurrences] = new(record.Occurrences.ToString(CultureInfo.InvariantCulture), Searchable: true),
            [OpsItemFields.FirstSeen] = new(Time(record.FirstSeen), Searchable: true),
            [OpsItemFields.LastSeen] = new(Time(record.LastSeen), Searchable: true),
            [OpsItemFields.Evidence] = Bounded(Evidence(outcome)),
            [OpsItemFields.Verified] = Bounded(outcome.Verified.Count == 0 ? "Nothing: no control-plane read was needed to decide." : string.Join('\n', outcome.Verified.Select(TicketText.Line))),
        };

        if (outcome.AddPermissionCommand is { } fix)
        {
            data[OpsItemFields.FixCommand] = Bounded(fix) with { Searchable = true };
        }

        if (outcome.StatementJson is { } statement)
        {
            data[OpsItemFields.Statement] = Bounded(statement);
        }

        if (outcome.CloudFormationSnippet is { } cloudFormation)
        {
            data[OpsItemFields.CloudFormation] = Bounded(cloudFormation);
        }

        if (outcome.TerraformSnippet is { } terraform)
        {
            data[OpsItemFields.Terraform] = Bounded(terraform);
        }

        return data;
    }

    private static string Evidence(EngineOutcome outcome)
    {
        var text = new StringBuilder().Append("Log group ").Append(TicketText.Line(outcome.LogGroup ?? "unknown")).Append('\n');
        if (outcome.Finding is { } finding)
        {
            text.Append(CultureInfo.InvariantCulture, $"{finding.Occurrences} request(s) of the latest batch failed between {Time(finding.FirstTimestamp)} and {Time(finding.LastTimestamp)}.\n");
            if (finding.RequestIds.Count > 0)
            {
                text.Append("Request ids: ").Append(TicketText.Line(string.Join(", ", finding.RequestIds))).Append('\n');
            }

            foreach (string line in finding.Evidence)
            {
                text.Append(TicketText.Line(line)).Append('\n');
            }
        }

        if (outcome.LoggedFunctionArn is { } logged)
        {
            text.Append("The log named function ").Append(TicketText.Line(logged)).Append(" (a hint; the control plane decides).\n");
        }

        return text.ToString();
    }

    private static void Fact(StringBuilder text, string name, string value) =>
        text.Append("**").Append(name).Append(":** ").Append(TicketText.Line(value)).Append('\n');

    private static OpsItemData Bounded(string value) => new(TicketText.ClipBytes(TicketText.Lines(value), TicketText.MaxDataValueBytes));

    private static string? Function(EngineOutcome outcome) =>
        outcome.FunctionName is not { } name ? null : outcome.Qualifier is { } qualifier ? $"{name}:{qualifier}" : name;

    private static string? Target(EngineOutcome outcome) =>
        outcome.AuthorizerId is not null ? $"authorizer {outcome.AuthorizerId}"
        : outcome.RouteKey is not null ? $"route {outcome.RouteKey}"
        : outcome.HttpMethod is not null ? $"{outcome.HttpMethod} {outcome.ResourcePath}"
        : null;

    private static string Time(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
