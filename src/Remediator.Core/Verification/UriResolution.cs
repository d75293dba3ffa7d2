using Remediator.Core.Policy;

namespace Remediator.Core.Verification;

/// <summary>Why an integration URI did or did not yield a function.</summary>
public enum UriResolutionStatus
{
    /// <summary>A full function ARN, stage variables substituted.</summary>
    Resolved,

    /// <summary>Not a Lambda integration at all (HTTP, MOCK, another AWS service).</summary>
    NotLambda,

    /// <summary>A stage variable the URI uses is not set on the stage.</summary>
    MissingStageVariable,

    /// <summary>After substitution the text is not a full function ARN.</summary>
    NotFunctionArn,
}

/// <summary>The function an integration URI names, or why it names none.</summary>
/// <param name="Function">The function as invoked (with qualifier) when resolved.</param>
/// <param name="StageVariables">The stage variables the URI used, in order.</param>
/// <param name="Problem">What is wrong when not resolved.</param>
public sealed record UriResolution(
    UriResolutionStatus Status, LambdaFunctionArn? Function, IReadOnlyList<string> StageVariables, string? Problem)
{
    internal static UriResolution Resolved(LambdaFunctionArn function, IReadOnlyList<string> used) =>
        new(UriResolutionStatus.Resolved, function, used, null);

    internal static UriResolution NotLambda(string problem) => new(UriResolutionStatus.NotLambda, null, [], problem);

    internal static UriResolution MissingVariable(string name, string problem) =>
        new(UriResolutionStatus.MissingStageVariable, null, [name], problem);

    internal static UriResolution NotFunction(string problem) => new(UriResolutionStatus.NotFunctionArn, null, [], problem);
}
