using System.Diagnostics.CodeAnalysis;

namespace Remediator.Core.Policy;

/// <summary>A value or the reason there is none: expected failures (bad input) are data, not exceptions.</summary>
public sealed record PolicyResult<T>
    where T : class
{
    internal PolicyResult(T? value, string? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public string? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Value is not null;
}

/// <summary>Factories for <see cref="PolicyResult{T}"/>.</summary>
public static class PolicyResult
{
    public static PolicyResult<T> Success<T>(T value)
        where T : class => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    public static PolicyResult<T> Failure<T>(string error)
        where T : class => new(null, error);
}
