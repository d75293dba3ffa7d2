using Remediator.Core.Policy;
using Remediator.Core.Ports;
using Remediator.Core.Revert;

namespace Remediator.Core.Audit;

/// <summary>The function policies one audit read, each once (many methods share a function), and Remediator's statements in them.</summary>
internal sealed class AuditedPolicies(ILambdaClient lambda)
{
    private readonly Dictionary<LambdaFunctionArn, FunctionPolicy?> read = [];

    /// <summary>The policy of <paramref name="function"/> (with its qualifier); null when it has none.</summary>
    public async Task<FunctionPolicy?> GetAsync(LambdaFunctionArn function, CancellationToken cancellationToken)
    {
        if (!read.TryGetValue(function, out FunctionPolicy? policy))
        {
            policy = await lambda.GetPolicyAsync(function.UnqualifiedArn, function.Qualifier, cancellationToken).ConfigureAwait(false);
            read[function] = policy;
        }

        return policy;
    }

    /// <summary>Reads the policy of a function no audited target names; false when the function (or qualifier) no longer exists.</summary>
    public async Task<bool> TryReadAsync(LambdaFunctionArn function, CancellationToken cancellationToken)
    {
        try
        {
            await GetAsync(function, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (AwsServiceException e) when (e.Is(AwsErrorCodes.ResourceNotFound))
        {
            return false;
        }
    }

    /// <summary>Every policy read, in the order read.</summary>
    public IEnumerable<(LambdaFunctionArn Function, FunctionPolicy Policy)> Policies() =>
        read.Where(p => p.Value is not null).Select(p => (p.Key, p.Value!));

    /// <summary>The statements with Remediator ids in the policies read so far, policy by policy in the order read.</summary>
    public IReadOnlyList<RemediatorStatement> RemediatorStatements() => [.. read.SelectMany(p => OwnStatements(p.Key, p.Value))];

    private static IEnumerable<RemediatorStatement> OwnStatements(LambdaFunctionArn function, FunctionPolicy? policy)
    {
        if (policy is null || PolicyParser.Parse(policy.PolicyJson).Value is not { } document)
        {
            yield break;
        }

        foreach (PolicyStatement statement in document.Statements.Where(s => StatementIdFactory.IsRemediatorStatementId(s.Sid)))
        {
            yield return new RemediatorStatement(
                function.UnqualifiedArn, function.Qualifier, statement.Sid!, StatementShape.SourceArnOf(statement), StatementShape.Refusal(statement, function));
        }
    }
}
