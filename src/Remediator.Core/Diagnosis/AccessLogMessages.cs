namespace Remediator.Core.Diagnosis;

/// <summary>
/// Matches an HTTP API access-log error value against the documented texts (docs/ARCHITECTURE.md, "Failure
/// catalogue"): a fixed text whole, up to typography, or the function-error frame around the function's own message.
/// </summary>
internal static class AccessLogMessages
{
    // A new documented fixed text is one row here.
    private static readonly (string Text, FindingKind Kind)[] Texts =
    [
        (LogText.HttpIntegrationPermission, FindingKind.MissingInvokePermission),
        (LogText.HttpAuthorizerPermission, FindingKind.AuthorizerInvokePermission),
        (LogText.HttpRoleNotAssumable, FindingKind.CredentialsRoleNotAssumable),
    ];

    /// <summary>
    /// The kind the value names, or null. The function-error frame counts only in <c>integrationErrorMessage</c>
    /// (<paramref name="integrationField"/>), where API Gateway writes it.
    /// </summary>
    public static FindingKind? Classify(ReadOnlySpan<char> message, bool integrationField)
    {
        foreach ((string text, FindingKind kind) in Texts)
        {
            if (Phrase.IsWhole(message, text))
            {
                return kind;
            }
        }

        return integrationField && FunctionErrorStart(message) == message.Length - message.TrimStart().Length
            ? FindingKind.FunctionError
            : null;
    }

    /// <summary>The kind of the documented text <paramref name="line"/> ends with, and where that text starts.</summary>
    public static FindingKind? ClassifySuffix(ReadOnlySpan<char> line, out int start)
    {
        foreach ((string text, FindingKind kind) in Texts)
        {
            if (Phrase.EndsWith(line, text, out start))
            {
                return kind;
            }
        }

        start = FunctionErrorStart(line);
        return start < 0 ? null : FindingKind.FunctionError;
    }

    // "The Lambda function returned the following error: <the function's message>. Check your Lambda function code and
    // try again." The function's message is free text (callers can steer it), so the frame must occur exactly once.
    private static int FunctionErrorStart(ReadOnlySpan<char> text)
    {
        int start = Phrase.IndexOf(text, LogText.HttpFunctionErrorPrefix);
        if (start < 0
            || text[(start + 1)..].IndexOf(LogText.HttpFunctionErrorPrefix, StringComparison.Ordinal) >= 0
            || !Phrase.EndsWith(text, LogText.HttpFunctionErrorSuffix, out int suffix)
            || suffix < start + LogText.HttpFunctionErrorPrefix.Length)
        {
            return -1;
        }

        return start;
    }
}
