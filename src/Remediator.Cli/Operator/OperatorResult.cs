namespace Remediator.Cli.Operator;

/// <summary>What an operator command's work produced, or the exit code of the failure it has already reported.</summary>
internal readonly record struct OperatorResult<T>(T? Value, int ExitCode)
    where T : class
{
    public static OperatorResult<T> Done(T value) => new(value, ExitCodes.Success);

    public static OperatorResult<T> Failed(int exitCode) => new(null, exitCode);
}
