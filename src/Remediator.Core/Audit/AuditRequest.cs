using Remediator.Core.Configuration;
using Remediator.Core.Policy;

namespace Remediator.Core.Audit;

/// <summary>What to audit, and the account the APIs live in.</summary>
/// <param name="AccountId">The caller's account (the APIs' account).</param>
/// <param name="Region">The region audited.</param>
/// <param name="ApiId">Only this API; null for every REST, HTTP and WebSocket API of the region.</param>
/// <param name="Stage">Only this stage; null for every stage.</param>
/// <param name="StageScope">The scope Remediator's grants use, so a reported grant is the one it would add.</param>
/// <param name="StartAfter">Every API: only those after this sweep key (<see cref="AuditReport.ResumeAfter"/> of the run that stopped early).</param>
public sealed record AuditRequest(
    string AccountId, string Region, string? ApiId = null, string? Stage = null, StageScope StageScope = RemediatorVariables.DefaultStageScope, string? StartAfter = null)
{
    /// <summary>
    /// Functions (with qualifier) whose policies to read for Remediator's statements even when no audited target invokes
    /// them, e.g. those the ledger's fixes name: a statement whose API was deleted sits on a function nothing invokes any more.
    /// </summary>
    public IReadOnlyList<LambdaFunctionArn> AlsoInspect { get; init; } = [];
}
