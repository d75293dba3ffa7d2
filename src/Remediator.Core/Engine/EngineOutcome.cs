using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Tickets;

namespace Remediator.Core.Engine;

/// <summary>
/// How one finding ended, with everything a person or a machine needs to act on it. Values about the
/// API and function come from the control plane; <see cref="LoggedFunctionArn"/> and the finding are
/// what the logs said.
/// </summary>
public sealed record EngineOutcome
{
    /// <summary>The outcome.</summary>
    public required RemediationOutcome Outcome { get; init; }

    /// <summary>Why.</summary>
    public required OutcomeReason Reason { get; init; }

    /// <summary>One or two sentences for people.</summary>
    public required string Detail { get; init; }

    /// <summary>The finding this outcome is for; null for a refused payload.</summary>
    public Finding? Finding { get; init; }

    /// <summary>
    /// The ledger record this outcome was claimed and recorded under (see <see cref="LedgerKey"/>); null when
    /// nothing was claimed for it.
    /// </summary>
    public string? LedgerKey { get; init; }

    /// <summary>The account and region Remediator ran in.</summary>
    public string? AccountId { get; init; }

    /// <summary>The IAM alias of <see cref="AccountId"/>, when it was read for a notification (<see cref="AccountAliasLookup"/>).</summary>
    public string? AccountAlias { get; init; }

    /// <summary>The region Remediator ran in.</summary>
    public string? Region { get; init; }

    /// <summary>The log group the evidence came from; null when an EventBridge event started the pass (see <see cref="Trigger"/>).</summary>
    public string? LogGroup { get; init; }

    /// <summary>The EventBridge event that started the pass (a CloudTrail change or the schedule), described; null for log evidence.</summary>
    public string? Trigger { get; init; }

    /// <summary>The API type as the control plane reports it (the log's hint until resolved).</summary>
    public ApiType ApiType { get; init; }

    /// <summary>The API id.</summary>
    public string? ApiId { get; init; }

    /// <summary>The stage.</summary>
    public string? Stage { get; init; }

    /// <summary>REST: the method as configured (<c>GET</c>, <c>ANY</c>).</summary>
    public string? HttpMethod { get; init; }

    /// <summary>REST: the resource template.</summary>
    public string? ResourcePath { get; init; }

    /// <summary>HTTP/WebSocket: the route key.</summary>
    public string? RouteKey { get; init; }

    /// <summary>The Lambda authorizer, for authorizer findings.</summary>
    public string? AuthorizerId { get; init; }

    /// <summary>The function (unqualified ARN) the control plane resolved.</summary>
    public string? FunctionArn { get; init; }

    /// <summary>The alias or version the integration invokes, if any.</summary>
    public string? Qualifier { get; init; }

    /// <summary>The function ARN the log named (a hint, shown for comparison).</summary>
    public string? LoggedFunctionArn { get; init; }

    /// <summary>The statement id added or proposed.</summary>
    public string? StatementId { get; init; }

    /// <summary>The source ARN granted or proposed.</summary>
    public string? SourceArn { get; init; }

    /// <summary>The source ARN of the refused call the policy was judged for.</summary>
    public string? RequestSourceArn { get; init; }

    /// <summary>The statement JSON added (Fixed) or proposed (Recommended, Observed).</summary>
    public string? StatementJson { get; init; }

    /// <summary>The <c>aws lambda add-permission</c> command that makes the grant.</summary>
    public string? AddPermissionCommand { get; init; }

    /// <summary>The <c>aws lambda remove-permission</c> command that undoes it.</summary>
    public string? RemovePermissionCommand { get; init; }

    /// <summary>The same grant as a CloudFormation/SAM <c>AWS::Lambda::Permission</c> resource (an entry of <c>Resources</c>).</summary>
    public string? CloudFormationSnippet { get; init; }

    /// <summary>The same grant as a Terraform <c>aws_lambda_permission</c> block (with an <c>import</c> block when it was added).</summary>
    public string? TerraformSnippet { get; init; }

    /// <summary>The value of the function's owner tag (<c>REMEDIATOR_OWNER_TAG</c>), when it was read and has a routable shape.</summary>
    public string? Owner { get; init; }

    /// <summary>What was read from the control plane, one sentence per step.</summary>
    public IReadOnlyList<string> Verified { get; init; } = [];

    /// <summary>True when this invocation published a notification about this outcome.</summary>
    public bool Notified { get; init; }

    /// <summary>The SNS message id, when notified.</summary>
    public string? NotificationId { get; init; }

    /// <summary>True when a notification was due but the hour's cap (<c>REMEDIATOR_MAX_NOTIFICATIONS_PER_HOUR</c>) held it back.</summary>
    public bool NotificationSuppressed { get; init; }

    /// <summary>The OpsCenter OpsItem that tracks the root cause (opened or updated by this pass, or still open), if any.</summary>
    public string? OpsItemId { get; init; }

    /// <summary>What this pass did to that OpsItem.</summary>
    public TicketAction TicketAction { get; init; }

    /// <summary>The finding's kind, if any.</summary>
    public FindingKind? Kind => Finding?.Kind;

    /// <summary>The function's name (from <see cref="FunctionArn"/>).</summary>
    public string? FunctionName => FunctionArn is null ? null : FunctionArn[(FunctionArn.LastIndexOf(':') + 1)..];
}
