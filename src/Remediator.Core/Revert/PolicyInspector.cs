using Remediator.Core.Policy;
using Remediator.Core.Ports;

namespace Remediator.Core.Revert;

/// <summary>Reads a function's policy and judges one statement of it, for a revert. Reads only.</summary>
internal sealed class PolicyInspector(ILambdaClient lambda)
{
    /// <summary>Reads the policy and judges the statement: a final result, or the revision to remove it at.</summary>
    public async Task<Inspection> InspectAsync(RevertCandidate candidate, CancellationToken cancellationToken)
    {
        PolicyRead read = await ReadAsync(candidate.Function, cancellationToken).ConfigureAwait(false);
        if (read.Document is null)
        {
            return new(candidate.Result(read.Problem is null || read.FunctionMissing ? RevertStatus.AlreadyGone : RevertStatus.Refused,
                read.Problem ?? $"{Describe(candidate.Function)} has no policy, so statement {candidate.StatementId} is gone"), null);
        }

        if (read.Document.FindStatement(candidate.StatementId) is not { } statement)
        {
            return new(candidate.Result(RevertStatus.AlreadyGone, $"the policy of {Describe(candidate.Function)} has no statement {candidate.StatementId}"), null);
        }

        return StatementShape.Refusal(statement, candidate.Function) is { } refusal
            ? new(candidate.Result(RevertStatus.Refused, refusal + "; left in place"), null)
            : new(null, read.RevisionId);
    }

    /// <summary>The policy of <paramref name="function"/> (with its qualifier), parsed; a missing function or an unreadable policy is a value.</summary>
    public async Task<PolicyRead> ReadAsync(LambdaFunctionArn function, CancellationToken cancellationToken)
    {
        FunctionPolicy? policy;
        try
        {
            policy = await lambda.GetPolicyAsync(function.UnqualifiedArn, function.Qualifier, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.Is(AwsErrorCodes.ResourceNotFound))
        {
            return new(null, null, true, $"{Describe(function)} does not exist");
        }

        if (policy is null)
        {
            return new(null, null, false, null);
        }

        Result<PolicyDocument, string> parsed = PolicyParser.Parse(policy.PolicyJson);
        return parsed.IsSuccess
            ? new(parsed.Value, policy.RevisionId, false, null)
            : new(null, policy.RevisionId, false, $"the policy of {Describe(function)} cannot be read ({parsed.Error}); nothing is removed from a policy Remediator does not understand");
    }

    private static string Describe(LambdaFunctionArn function) =>
        function.Qualifier is null ? $"function {function.UnqualifiedArn}" : $"function {function.UnqualifiedArn} qualifier {function.Qualifier}";
}
