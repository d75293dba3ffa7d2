namespace Remediator.Core.Intake;

/// <summary>
/// Bounds on the work one subscription payload may cause. Sized for the largest batch CloudWatch Logs
/// delivers (10,000 events, about 1 MB of log text) with wide headroom, and small enough that a hostile
/// payload cannot exhaust a 512 MB Lambda.
/// </summary>
public static class IntakeLimits
{
    /// <summary>Largest raw input accepted (Lambda's synchronous payload limit is 6 MB).</summary>
    public const int MaxPayloadBytes = 8 * 1024 * 1024;

    /// <summary>Largest decompressed message JSON; inflation stops one byte past it.</summary>
    public const int MaxDecompressedBytes = 32 * 1024 * 1024;

    /// <summary>Most log events one batch may carry (CloudWatch Logs sends at most 10,000).</summary>
    public const int MaxEvents = 50_000;

    /// <summary>Most subscription filter names one batch may carry (a log group takes at most two).</summary>
    public const int MaxSubscriptionFilters = 64;

    /// <summary>JSON nesting accepted in a payload; the wire format needs four levels.</summary>
    public const int MaxJsonDepth = 16;
}
