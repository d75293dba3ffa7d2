namespace Remediator.Core.Intake;

/// <summary>
/// A log event whose text is not Unicode (invalid UTF-8, or an escaped unpaired UTF-16 surrogate): it is not
/// diagnosed, and ends as its own outcome while the rest of the batch is processed.
/// </summary>
/// <param name="Index">Its position in the message's <c>logEvents</c> array.</param>
/// <param name="Id">CloudWatch's event id, when that field could be read.</param>
/// <param name="Timestamp">Milliseconds since the Unix epoch, when the field was present.</param>
/// <param name="Problem">Which field was not text, and why.</param>
public sealed record UndecodableEvent(int Index, string? Id, long? Timestamp, string Problem);
