using Remediator.Core.Diagnosis;
using Remediator.Core.Engine;
using Remediator.Core.Intake;
using Remediator.Core.Ports;

namespace Remediator.Core.Redrive;

/// <summary>
/// Drains the dead-letter queue: each on-failure record's original payload goes through the engine again (the same
/// path as <c>replay</c>, under the failed invocation's own request id, so its ledger claims are its own), and the
/// message is deleted only when that replay ran to the end. Whatever cannot be replayed stays in the queue.
/// </summary>
public sealed class Redriver(IDeadLetterQueue queue, Func<string, string, CancellationToken, Task<EngineResult>> replay)
{
    /// <summary>Messages asked for per receive (SQS's maximum).</summary>
    public const int BatchSize = 10;

    /// <summary>How long a received message stays hidden: longer than a replay takes, so no one else redrives it meanwhile.</summary>
    public static readonly TimeSpan VisibilityTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Handles at most <paramref name="maxMessages"/> messages, in the order the queue hands them out.</summary>
    public async Task<IReadOnlyList<RedriveItem>> RunAsync(int maxMessages, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        var items = new List<RedriveItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (items.Count < maxMessages)
        {
            IReadOnlyList<DeadLetter> batch = await queue.ReceiveAsync(Math.Min(BatchSize, maxMessages - items.Count), VisibilityTimeout, cancellationToken).ConfigureAwait(false);

            // A message seen again (its visibility ran out during a long run) ends the run rather than looping.
            DeadLetter[] fresh = [.. batch.Where(message => seen.Add(message.MessageId))];
            if (fresh.Length == 0)
            {
                break;
            }

            foreach (DeadLetter message in fresh)
            {
                items.Add(await HandleAsync(message, dryRun, cancellationToken).ConfigureAwait(false));
            }
        }

        return items;
    }

    private async Task<RedriveItem> HandleAsync(DeadLetter message, bool dryRun, CancellationToken cancellationToken)
    {
        Result<OnFailureRecord, string> parsed = OnFailureRecord.Parse(message.Body);
        if (!parsed.IsSuccess)
        {
            return new RedriveItem(message.MessageId, null, RedriveStatus.Unusable, $"{parsed.Error}; left in the queue");
        }

        OnFailureRecord record = parsed.Value;
        if (dryRun)
        {
            return DryRun(message, record);
        }

        EngineResult result;
        try
        {
            result = await replay(record.Payload, record.RequestId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // One message's failure must not stop the others; it stays queued for the next redrive.
            return new RedriveItem(message.MessageId, record.RequestId, RedriveStatus.Failed, $"the replay failed ({e.Message}); left in the queue");
        }

        if (result.IntakeError is { } refused)
        {
            return new RedriveItem(message.MessageId, record.RequestId, RedriveStatus.Unusable, $"the payload was refused ({refused}); left in the queue", result);
        }

        await queue.DeleteAsync(message, cancellationToken).ConfigureAwait(false);
        return new RedriveItem(message.MessageId, record.RequestId, RedriveStatus.Replayed, $"replayed ({result.Outcomes.Count} outcome(s)) and deleted", result);
    }

    private static RedriveItem DryRun(DeadLetter message, OnFailureRecord record)
    {
        IntakeResult intake = SubscriptionPayloadDecoder.Decode(record.Payload);
        if (!intake.IsSuccess)
        {
            return new RedriveItem(message.MessageId, record.RequestId, RedriveStatus.Unusable, $"the payload would be refused ({intake.Error}); left in the queue");
        }

        DiagnosisResult diagnosis = Diagnoser.Diagnose(intake.Batch);
        return new RedriveItem(
            message.MessageId,
            record.RequestId,
            RedriveStatus.WouldReplay,
            $"would replay {diagnosis.EventsRead} event(s) of {intake.Batch.LogGroup} with {diagnosis.Findings.Count} finding(s) ({record.Condition ?? "no condition"}); nothing run or deleted");
    }
}
