namespace Remediator.Lambda.Runtime;

/// <summary>An error as the Runtime API takes it: <c>{"errorMessage","errorType","stackTrace":[]}</c>,
/// with the type also sent as <c>Lambda-Runtime-Function-Error-Type</c>.</summary>
public sealed record RuntimeError(string ErrorType, string ErrorMessage, IReadOnlyList<string> StackTrace)
{
    /// <summary>An exception as a Lambda error: its type name, message and the frames of
    /// <see cref="Exception.ToString"/> (which include inner exceptions).</summary>
    public static RuntimeError FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        string[] lines = exception.ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return new RuntimeError(exception.GetType().Name, exception.Message, lines.Skip(1).ToArray());
    }

    /// <summary>The handler was stopped at the safety margin before the deadline.</summary>
    public static RuntimeError DeadlineExceeded(DeadlineBudget budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        return new RuntimeError(
            RuntimeApiConstants.DeadlineExceededErrorType,
            $"Stopped {budget.SafetyMargin.TotalMilliseconds:0} ms before the invocation deadline "
            + $"({budget.Deadline.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}); Lambda retries the event.",
            []);
    }

    /// <summary>The configuration is invalid; the message names each offending variable.</summary>
    public static RuntimeError ConfigInvalid(string message) =>
        new(RuntimeApiConstants.ConfigInvalidErrorType, message, []);
}
