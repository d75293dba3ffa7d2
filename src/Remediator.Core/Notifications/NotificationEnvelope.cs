namespace Remediator.Core.Notifications;

/// <summary>
/// The SNS message of <c>MessageStructure=json</c>: one JSON object whose keys are protocols and whose values are what
/// that protocol's subscriptions receive (Amazon SNS API Reference, Publish, MessageStructure). The whole object counts
/// against SNS's limit, so the text, which appears twice, takes what the card and the document leave.
/// </summary>
internal static class NotificationEnvelope
{
    /// <summary>The message holding <paramref name="text"/> for people, <paramref name="chat"/> and <paramref name="document"/>.</summary>
    public static string Write(string text, string chat, string document) => NotificationJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString(NotificationProtocols.Default, text);
        w.WriteString(NotificationProtocols.Email, text);
        w.WriteString(NotificationProtocols.Https, chat);
        w.WriteString(NotificationProtocols.Sqs, document);
        w.WriteString(NotificationProtocols.Lambda, document);
        w.WriteEndObject();
    });

    /// <summary>
    /// <paramref name="text"/>, cut (<see cref="UntrustedText.FitUtf8"/>) until the message of <see cref="Write"/>
    /// takes at most <paramref name="budget"/> bytes of UTF-8.
    /// </summary>
    public static string FitText(string text, string chat, string document, int budget)
    {
        // An empty text costs its two quotes, twice.
        int fixedBytes = System.Text.Encoding.UTF8.GetByteCount(Write(string.Empty, chat, document)) - 4;
        int perCopy = ((budget - fixedBytes) / 2) - 2;
        if (perCopy < UntrustedText.TruncationMarker.Length)
        {
            throw new InvalidOperationException("The chat card and the document leave no room for the text: they are bounded far below SNS's limit, so this is a bug.");
        }

        string fitted = UntrustedText.FitUtf8(text, perCopy);
        int maxBytes = perCopy;
        int escaped;
        while ((escaped = NotificationJson.StringBytes(fitted) - 2) > perCopy)
        {
            // Escapes make text longer by a ratio the text decides: cut the UTF-8 budget by that ratio and measure again.
            maxBytes = (int)((long)maxBytes * perCopy / escaped) - 1;
            fitted = UntrustedText.FitUtf8(text, Math.Max(maxBytes, UntrustedText.TruncationMarker.Length + 1));
        }

        return fitted;
    }
}
