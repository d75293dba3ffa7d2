namespace Remediator.Core.Tickets;

/// <summary>The OpsItem source and the operational data keys Remediator writes, written once (operators search by them).</summary>
public static class OpsItemFields
{
    /// <summary>The OpsItem <c>Source</c> of every ticket Remediator opens.</summary>
    public const string Source = "Remediator";

    /// <summary>The root-cause (ledger) key, also the dedup string; searchable.</summary>
    public const string RootCauseKey = "remediator:rootCauseKey";

    /// <summary>Outcome and reason, e.g. <c>Ticket (RoleBasedIntegration)</c>; searchable.</summary>
    public const string Outcome = "remediator:outcome";

    /// <summary>The exact <c>aws lambda add-permission</c> command that fixes it, when a grant does; searchable.</summary>
    public const string FixCommand = "remediator:fixCommand";

    /// <summary>The statement that command adds (policy JSON).</summary>
    public const string Statement = "remediator:statement";

    /// <summary>The same grant as a CloudFormation/SAM <c>AWS::Lambda::Permission</c> resource.</summary>
    public const string CloudFormation = "remediator:cloudFormation";

    /// <summary>The same grant as a Terraform <c>aws_lambda_permission</c> block.</summary>
    public const string Terraform = "remediator:terraform";

    /// <summary>Log events counted for the root cause over all sightings; searchable.</summary>
    public const string Occurrences = "remediator:occurrences";

    /// <summary>First sighting (ISO 8601, UTC); searchable.</summary>
    public const string FirstSeen = "remediator:firstSeen";

    /// <summary>Latest sighting (ISO 8601, UTC); searchable.</summary>
    public const string LastSeen = "remediator:lastSeen";

    /// <summary>The latest batch's evidence: log group, request ids, log lines.</summary>
    public const string Evidence = "remediator:evidence";

    /// <summary>What was read from the control plane, one line per step.</summary>
    public const string Verified = "remediator:verified";

    /// <summary>What Remediator verified when it resolved the OpsItem.</summary>
    public const string Resolution = "remediator:resolution";
}
