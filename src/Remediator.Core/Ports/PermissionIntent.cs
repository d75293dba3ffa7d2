namespace Remediator.Core.Ports;

/// <summary>
/// The statement a pass is about to add, recorded under its lease before <c>AddPermission</c>: a later pass that finds
/// this statement in the policy while the record still holds the intent knows the statement is Remediator's own
/// (docs/ARCHITECTURE.md, "Ledger and root-cause key").
/// </summary>
/// <param name="StatementId">The deterministic statement id.</param>
/// <param name="FunctionArn">The unqualified function whose policy receives it.</param>
/// <param name="Qualifier">The alias or version whose policy receives it; <c>null</c> for the unqualified function.</param>
/// <param name="SourceArn">The execute-api source ARN the statement allows.</param>
public sealed record PermissionIntent(string StatementId, string FunctionArn, string? Qualifier, string SourceArn)
{
    /// <summary>The intent as the fix it becomes once the statement is found in the policy.</summary>
    public AppliedPermission ToApplied() => new(StatementId, FunctionArn, Qualifier);
}
