namespace Remediator.Core.Ports;

/// <summary>
/// Exactly what Remediator added to a function's resource policy, so it can be revisited and reverted
/// (<c>aws lambda remove-permission --function-name {FunctionArn} --statement-id {StatementId} [--qualifier {Qualifier}]</c>).
/// </summary>
/// <param name="StatementId">The deterministic statement id Remediator chose.</param>
/// <param name="FunctionArn">The function whose policy holds the statement.</param>
/// <param name="Qualifier">The alias or version whose policy holds it; <c>null</c> for the unqualified function.</param>
public sealed record AppliedPermission(string StatementId, string FunctionArn, string? Qualifier);
