namespace Remediator.Cli.Operator;

/// <summary>
/// What an operator command's work produced, or the exit code of the failure it has already reported (and the
/// problem it reported, for account-wide runs that list it beside the other accounts' results).
/// </summary>
internal readonly record struct OperatorResult<T>(T? Value, int ExitCode, string? Problem = null)
    where T : class
{
    public static OperatorResult<T> Done(T value) => new(value, ExitCodes.Success);

    public static OperatorResult<T> Failed(int exitCode, string? problem = null) => new(null, exitCode, problem);
}
