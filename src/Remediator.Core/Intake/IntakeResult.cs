using System.Diagnostics.CodeAnalysis;

namespace Remediator.Core.Intake;

/// <summary>The outcome of decoding a payload: a batch, or the reason it was refused.</summary>
public sealed record IntakeResult
{
    private IntakeResult(LogBatch? batch, IntakeError? error)
    {
        Batch = batch;
        Error = error;
    }

    /// <summary>The decoded batch when <see cref="IsSuccess"/>.</summary>
    public LogBatch? Batch { get; }

    /// <summary>Why the payload was refused when not <see cref="IsSuccess"/>.</summary>
    public IntakeError? Error { get; }

    /// <summary>True when <see cref="Batch"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Batch))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Batch is not null;

    internal static IntakeResult Success(LogBatch batch) => new(batch, null);

    internal static IntakeResult Failure(IntakeErrorCode code, string message) => new(null, new IntakeError(code, message));

    internal static IntakeResult Failure(IntakeError error) => new(null, error);
}
