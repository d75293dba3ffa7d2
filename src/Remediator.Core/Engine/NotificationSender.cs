using Remediator.Core.Ports;

namespace Remediator.Core.Engine;

/// <summary>
/// One Publish, put on the wire at most once (the wire client never repeats it after a timeout or a lost answer),
/// told apart by what came back: published, sent without an answer (counted as sent, never repeated), or refused
/// (SNS answered with an error or could not be reached: the notification is owed).
/// </summary>
internal sealed class NotificationSender(ISnsPublisher publisher)
{
    /// <summary>What became of <paramref name="message"/>.</summary>
    public async Task<Sent> SendAsync(SnsMessage message, CancellationToken cancellationToken)
    {
        try
        {
            string id = await publisher.PublishAsync(message, cancellationToken).ConfigureAwait(false);
            return new Sent(id, Unanswered: false, Refusal: null);
        }
        catch (PublishOutcomeUnknownException)
        {
            return new Sent(null, Unanswered: true, Refusal: null);
        }
#pragma warning disable CA1031 // Every other failure means "not delivered": the caller records the debt, then rethrows it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new Sent(null, Unanswered: false, Refusal: e);
        }
    }

    /// <summary>The result of one Publish.</summary>
    /// <param name="MessageId">SNS's message id when it answered with success.</param>
    /// <param name="Unanswered">True when the request was sent and no answer came.</param>
    /// <param name="Refusal">Why it was not delivered; null when it was (or may have been).</param>
    public sealed record Sent(string? MessageId, bool Unanswered, Exception? Refusal)
    {
        /// <summary>True when the notification counts as sent.</summary>
        public bool Delivered => Refusal is null;
    }
}
