namespace Remediator.Core.Redrive;

/// <summary>How one dead-letter message ended in a redrive. Stable names: the CLI prints them.</summary>
public enum RedriveStatus
{
    /// <summary>The payload ran through the engine to the end, and the message was deleted.</summary>
    Replayed,

    /// <summary>Dry run: the payload decodes and would be replayed; nothing was run or deleted.</summary>
    WouldReplay,

    /// <summary>The message is not an on-failure record, or its payload is not a subscription payload: kept.</summary>
    Unusable,

    /// <summary>The replay failed (an AWS call still failing after its retries, or a bug): kept for another redrive.</summary>
    Failed,
}
