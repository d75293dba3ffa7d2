using Remediator.Core.Configuration;
using Remediator.Core.Observability;
using Remediator.Lambda.Runtime;

namespace Remediator.Lambda.Hosting;

/// <summary>What a handler factory gets to build the invocation handler once, at init.</summary>
/// <param name="Settings">Validated configuration.</param>
/// <param name="Environment">The environment (AWS_REGION, credentials, endpoint overrides...).</param>
/// <param name="Clock">The clock.</param>
/// <param name="Log">Where log lines and EMF documents go.</param>
/// <param name="Deadlines">Per-invocation budgets: ask <c>Deadlines.BudgetFor(invocation).HasTimeFor(...)</c>
/// before starting another AWS call.</param>
public sealed record HandlerContext(
    RemediatorSettings Settings,
    IEnvironmentVariables Environment,
    TimeProvider Clock,
    ILogSink Log,
    DeadlinePolicy Deadlines);
