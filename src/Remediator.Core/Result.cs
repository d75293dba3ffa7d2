using System.Diagnostics.CodeAnalysis;

namespace Remediator.Core;

/// <summary>
/// A value, or the error that stands in its place: the one shape for expected failures (input that does not
/// parse, a grant the safety rules refuse, an API that does not exist), which are data rather than exceptions.
/// </summary>
/// <typeparam name="TValue">What a success carries.</typeparam>
/// <typeparam name="TError">What a failure carries instead.</typeparam>
public sealed record Result<TValue, TError>
    where TValue : class
    where TError : class
{
    private Result(TValue? value, TError? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The value; null when the result is a failure.</summary>
    public TValue? Value { get; }

    /// <summary>Why there is no value; null when the result is a success.</summary>
    public TError? Error { get; }

    /// <summary>True when <see cref="Value"/> is set, false when <see cref="Error"/> is.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Value is not null;

    /// <summary>Converts a value to a success (not where <typeparamref name="TValue"/> and <typeparamref name="TError"/> are one type).</summary>
    public static implicit operator Result<TValue, TError>(TValue value) => Success(value);

    /// <summary>Converts an error to a failure (not where <typeparamref name="TValue"/> and <typeparamref name="TError"/> are one type).</summary>
    public static implicit operator Result<TValue, TError>(TError error) => Failure(error);

    /// <summary>A success carrying <paramref name="value"/>.</summary>
    public static Result<TValue, TError> Success(TValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(value, null);
    }

    /// <summary>A failure carrying <paramref name="error"/>.</summary>
    public static Result<TValue, TError> Failure(TError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(null, error);
    }
}
