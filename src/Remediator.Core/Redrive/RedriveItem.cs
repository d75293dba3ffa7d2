using Remediator.Core.Engine;

namespace Remediator.Core.Redrive;

/// <summary>What a redrive did with one message.</summary>
/// <param name="MessageId">The queue's id of the message.</param>
/// <param name="RequestId">The failed invocation's request id, when the record names one.</param>
/// <param name="Status">How it ended.</param>
/// <param name="Detail">One sentence for people.</param>
/// <param name="Result">The engine's result, when the payload was replayed (or, in a dry run, decoded and diagnosed: no outcomes).</param>
public sealed record RedriveItem(string MessageId, string? RequestId, RedriveStatus Status, string Detail, EngineResult? Result = null);
