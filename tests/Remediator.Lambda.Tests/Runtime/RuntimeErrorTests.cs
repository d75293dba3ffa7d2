using Remediator.Lambda.Runtime;

namespace Remediator.Lambda.Tests.Runtime;

public class RuntimeErrorTests
{
    private static Exception Thrown(Func<Exception> create)
    {
        try
        {
            throw create();
        }
        catch (Exception exception)
        {
            return exception;
        }
    }

    [Fact]
    public void FromException_ThrownException_HasTypeMessageAndFrames()
    {
        Exception exception = Thrown(() => new InvalidOperationException("broken invariant"));

        RuntimeError error = RuntimeError.FromException(exception);

        Assert.Equal("InvalidOperationException", error.ErrorType);
        Assert.Equal("broken invariant", error.ErrorMessage);
        Assert.Contains(error.StackTrace, line => line.StartsWith("at ", StringComparison.Ordinal) && line.Contains(nameof(Thrown), StringComparison.Ordinal));
    }

    [Fact]
    public void FromException_InnerException_IsInTheTrace()
    {
        Exception exception = Thrown(() => new InvalidOperationException("outer", new TimeoutException("inner cause")));

        RuntimeError error = RuntimeError.FromException(exception);

        Assert.Contains(error.StackTrace, line => line.Contains("TimeoutException: inner cause", StringComparison.Ordinal));
    }

    [Fact]
    public void DeadlineExceeded_NamesMarginAndDeadline()
    {
        var budget = new DeadlineBudget(new DateTimeOffset(2025, 3, 14, 9, 0, 0, TimeSpan.Zero), TimeSpan.FromSeconds(2), TimeProvider.System);

        RuntimeError error = RuntimeError.DeadlineExceeded(budget);

        Assert.Equal("Function.DeadlineExceeded", error.ErrorType);
        Assert.Equal("Stopped 2000 ms before the invocation deadline (2025-03-14T09:00:00.000Z); Lambda retries the event.", error.ErrorMessage);
    }

    [Fact]
    public void ConfigInvalid_CarriesTheMessage()
    {
        RuntimeError error = RuntimeError.ConfigInvalid("REMEDIATOR_MODE: 'x' is not one of observe, recommend, enforce.");

        Assert.Equal("Runtime.ConfigInvalid", error.ErrorType);
        Assert.Empty(error.StackTrace);
    }
}
