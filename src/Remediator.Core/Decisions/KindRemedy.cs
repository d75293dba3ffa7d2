using Remediator.Core.Diagnosis;
using Remediator.Core.Verification;

namespace Remediator.Core.Decisions;

/// <summary>What Remediator does about one kind of failure, written once (docs/ARCHITECTURE.md, "Failure catalogue").</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Reason">The ticket's reason; null for the permission kinds, which a grant may fix.</param>
/// <param name="Target">What failed: the method's or route's integration, or the Lambda authorizer.</param>
/// <param name="FunctionScoped">
/// True when the invoked function causes the failure itself (its response, package, handler, code, concurrency or
/// latency): every route to the same function version fails alike, so one ticket stands for the function.
/// </param>
/// <param name="WhatFailed">One sentence for people: what API Gateway saw.</param>
/// <param name="Remedy">The fix, for people (the README's catalogue quotes it).</param>
public sealed record KindRemedy(
    FindingKind Kind,
    OutcomeReason? Reason,
    TargetKind Target,
    bool FunctionScoped,
    string WhatFailed,
    string Remedy);
