using Remediator.Core.Intake;

namespace Remediator.Core.Verification;

/// <summary>Where a batch of log lines was delivered from: the subscription message's <c>owner</c> and <c>logGroup</c>.</summary>
/// <param name="OwnerAccountId">The account that owns the log group.</param>
/// <param name="LogGroupName">The log group's name (never an ARN).</param>
public sealed record LogSource(string OwnerAccountId, string LogGroupName)
{
    /// <summary>The source of a decoded subscription message.</summary>
    public static LogSource Of(LogBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return new LogSource(batch.Owner, batch.LogGroup);
    }
}
