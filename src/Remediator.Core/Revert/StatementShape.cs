using Remediator.Core.Policy;

namespace Remediator.Core.Revert;

/// <summary>
/// Decides whether a statement is exactly one Remediator wrote, and so one it may remove
/// (docs/ARCHITECTURE.md, "Safety rules" 6).
/// </summary>
// A Remediator-looking id is not enough: the content must be PermissionGrant's and the id the one
// StatementIdFactory derives from it, so an edited or hand-copied statement is refused too.
public static class StatementShape
{
    private const string ArnLike = "ArnLike";
    private const string StringEquals = "StringEquals";
    private const string ServicePrincipal = "Service";

    /// <summary>Why <paramref name="statement"/> must not be removed from <paramref name="function"/>'s policy; null when it may.</summary>
    /// <param name="statement">The statement as read from the policy of <paramref name="function"/> (with its qualifier).</param>
    /// <param name="function">The function and qualifier whose policy holds the statement.</param>
    public static string? Refusal(PolicyStatement statement, LambdaFunctionArn function)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(function);
        string sid = statement.Sid ?? statement.Reference;
        if (!StatementIdFactory.IsRemediatorStatementId(statement.Sid))
        {
            return $"statement {sid} does not have an id Remediator creates";
        }

        if (statement.Effect != PolicyEffect.Allow)
        {
            return $"statement {sid} is a {statement.Effect}, and Remediator only adds Allow statements";
        }

        if (statement.Principal is not { IsNegated: false, IsWildcard: false, Entries: [{ Type: ServicePrincipal, Value: PolicyConstants.ApiGatewayPrincipal }] })
        {
            return $"statement {sid} names principal {Describe(statement.Principal)}, not only the service {PolicyConstants.ApiGatewayPrincipal}";
        }

        if (statement.Action is not { IsNegated: false, Patterns: [PolicyConstants.InvokeFunctionAction] })
        {
            return $"statement {sid} has {(statement.Action.IsNegated ? "NotAction" : "Action")} {string.Join(", ", statement.Action.Patterns)}, not only {PolicyConstants.InvokeFunctionAction}";
        }

        if (statement.Resource is not { IsNegated: false, Patterns: [var resource] } || !string.Equals(resource, function.Arn, StringComparison.Ordinal))
        {
            return $"statement {sid} is on resource {(statement.Resource is null ? "(none)" : string.Join(", ", statement.Resource.Patterns))}, not {function.Arn}";
        }

        string? sourceArn = Single(statement, ArnLike, PolicyConstants.SourceArnKey);
        string? sourceAccount = Single(statement, StringEquals, PolicyConstants.SourceAccountKey);
        if (sourceArn is null || sourceAccount is null || statement.Conditions.Count != 2)
        {
            return $"statement {sid} has conditions {DescribeConditions(statement)}; Remediator writes exactly {StringEquals} {PolicyConstants.SourceAccountKey} and {ArnLike} {PolicyConstants.SourceArnKey}";
        }

        Result<PermissionGrant, IReadOnlyList<GrantRefusal>> result = PermissionGrant.Create(function, sourceArn, sourceAccount);
        if (result.Value is not { } grant)
        {
            return $"statement {sid} is not a grant Remediator would make: {string.Join("; ", result.Error!.Select(r => r.Message))}";
        }

        return string.Equals(grant.StatementId, statement.Sid, StringComparison.Ordinal)
            ? null
            : $"statement {sid} does not match its own content (Remediator would name that grant {grant.StatementId}): it was edited or copied by hand";
    }

    /// <summary>The statement's <c>ArnLike AWS:SourceArn</c> value, when it has exactly one.</summary>
    public static string? SourceArnOf(PolicyStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        return Single(statement, ArnLike, PolicyConstants.SourceArnKey);
    }

    // Condition keys are case-insensitive in IAM; operators are compared as Lambda writes them.
    private static string? Single(PolicyStatement statement, string op, string key) =>
        statement.Conditions.SingleOrDefault(c =>
            string.Equals(c.Operator, op, StringComparison.Ordinal) && string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase)) is { Values: [var value] }
            ? value
            : null;

    private static string Describe(PrincipalElement? principal) => principal switch
    {
        null => "(none)",
        { IsWildcard: true } => principal.IsNegated ? "NotPrincipal *" : "*",
        _ => (principal.IsNegated ? "NotPrincipal " : string.Empty) + string.Join(", ", principal.Entries.Select(e => $"{e.Type}:{e.Value}")),
    };

    private static string DescribeConditions(PolicyStatement statement) =>
        statement.Conditions.Count == 0
            ? "(none)"
            : string.Join(", ", statement.Conditions.Select(c => $"{c.Operator} {c.Key}"));
}
