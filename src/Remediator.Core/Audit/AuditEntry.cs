using Remediator.Core.Diagnosis;
using Remediator.Core.Policy;
using Remediator.Core.Verification;

namespace Remediator.Core.Audit;

/// <summary>One Lambda target (method, route or authorizer) of one stage, and what its function policy says.</summary>
public sealed record AuditEntry
{
    /// <summary>The API's id.</summary>
    public required string ApiId { get; init; }

    /// <summary>REST, HTTP or WebSocket.</summary>
    public required ApiType ApiType { get; init; }

    /// <summary>The stage.</summary>
    public required string Stage { get; init; }

    /// <summary>Integration or authorizer.</summary>
    public required TargetKind Kind { get; init; }

    /// <summary>The method, route or authorizer for people: <c>GET /pets/{id}</c>, <c>route $connect</c>, <c>authorizer abc123</c>.</summary>
    public required string Target { get; init; }

    /// <summary>The function as invoked on this stage (with qualifier), when the URI resolved to one.</summary>
    public string? FunctionArn { get; init; }

    /// <summary>The verdict.</summary>
    public required AuditStatus Status { get; init; }

    /// <summary>Why, for people.</summary>
    public required string Detail { get; init; }

    /// <summary>The execute-api ARN the policy was evaluated for (what API Gateway presents as AWS:SourceArn).</summary>
    public string? SourceArn { get; init; }

    /// <summary>With <see cref="AuditStatus.Missing"/>: exactly the statement Remediator would add.</summary>
    public PermissionGrant? Grant { get; init; }

    /// <summary>
    /// With <see cref="AuditStatus.Allowed"/>: the root-cause key a permission failure of this target has in the ledger
    /// and in OpsCenter (<see cref="RootCauseKey.ForTarget"/>), so an audit can resolve the OpsItem of a target it found healthy.
    /// </summary>
    public string? RootCauseKey { get; init; }

    /// <summary>The target as resolved, for the engine's audit of an EventBridge event (not serialized: the fields above say it for people).</summary>
    internal ResolvedTarget? Resolved { get; init; }
}
