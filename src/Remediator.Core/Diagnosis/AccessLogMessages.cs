namespace Remediator.Core.Diagnosis;

/// <summary>Matches an access-log error value against the two HTTP API permission texts, exactly.</summary>
internal static class AccessLogMessages
{
    /// <summary>The kind the text names, or null. Only surrounding whitespace and the final period may differ.</summary>
    public static FindingKind? Classify(ReadOnlySpan<char> message)
    {
        message = message.Trim();
        return Matches(message, LogText.HttpIntegrationPermission) ? FindingKind.MissingInvokePermission
            : Matches(message, LogText.HttpAuthorizerPermission) ? FindingKind.AuthorizerInvokePermission
            : null;
    }

    /// <summary>The kind of the permission text <paramref name="line"/> ends with, and where that text starts.</summary>
    public static FindingKind? ClassifySuffix(ReadOnlySpan<char> line, out int start)
    {
        line = line.TrimEnd();
        foreach ((string text, FindingKind kind) in Texts)
        {
            ReadOnlySpan<char> exact = text;
            ReadOnlySpan<char> withoutPeriod = exact[..^1];
            if (line.EndsWith(exact, StringComparison.Ordinal))
            {
                start = line.Length - exact.Length;
                return kind;
            }

            if (line.EndsWith(withoutPeriod, StringComparison.Ordinal))
            {
                start = line.Length - withoutPeriod.Length;
                return kind;
            }
        }

        start = -1;
        return null;
    }

    private static readonly (string Text, FindingKind Kind)[] Texts =
    [
        (LogText.HttpIntegrationPermission, FindingKind.MissingInvokePermission),
        (LogText.HttpAuthorizerPermission, FindingKind.AuthorizerInvokePermission),
    ];

    private static bool Matches(ReadOnlySpan<char> message, string text) =>
        message.SequenceEqual(text) || message.SequenceEqual(text.AsSpan(0, text.Length - 1));
}
