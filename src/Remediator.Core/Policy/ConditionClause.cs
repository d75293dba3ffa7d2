namespace Remediator.Core.Policy;

/// <summary>
/// One operator/key pair of a <c>Condition</c> block, e.g. <c>ArnLike</c> / <c>AWS:SourceArn</c> with its
/// values (any of which may match). The operator is kept as written; unknown operators are decided at
/// evaluation, where they fail closed.
/// </summary>
public sealed record ConditionClause(string Operator, string Key, IReadOnlyList<string> Values);
