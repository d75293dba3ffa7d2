namespace Remediator.Core.Diagnosis;

/// <summary>
/// Reads an HTTP API access-log line in Common Log Format that ends with the integration error, as the
/// API Gateway console suggests:
/// <c>$context.identity.sourceIp - - [$context.requestTime] "$context.httpMethod $context.routeKey $context.protocol"
/// $context.status $context.responseLength $context.requestId $context.integrationErrorMessage</c>.
/// It is parsed from the right, where the request cannot inject text, and every field must have its shape.
/// </summary>
internal static class CommonLogFormat
{
    public static bool TryRead(string line, out AccessLogFailure failure)
    {
        failure = default;
        if (AccessLogMessages.ClassifySuffix(line, out int messageStart) is not { } kind)
        {
            return false;
        }

        // ... "<request>" <status> <length> <requestId> <message>
        ReadOnlySpan<char> head = line.AsSpan(0, messageStart);
        if (!TakeLastToken(ref head, out ReadOnlySpan<char> requestId)
            || !TakeLastToken(ref head, out ReadOnlySpan<char> length)
            || !TakeLastToken(ref head, out ReadOnlySpan<char> status)
            || !Chars.AreAll(requestId, Chars.RequestId) || requestId.Length > DiagnosisLimits.MaxRequestIdChars
            || !(length.SequenceEqual(LogText.AccessLogPlaceholder) || Chars.AreAll(length, Chars.Digits))
            || status.Length != 3 || status[0] != '5' || !Chars.AreAll(status, Chars.Digits)
            || !head.EndsWith("\" ", StringComparison.Ordinal))
        {
            return false;
        }

        head = head[..^1];

        // The time is the first bracketed field; the request line runs from the quote after it.
        int open = head.IndexOf("] \"", StringComparison.Ordinal);
        if (open < 0 || head[..open].IndexOf('[') < 0)
        {
            return false;
        }

        ReadOnlySpan<char> request = head[(open + 3)..^1];
        if (!TryReadRequest(request, out string? method, out string? path, out string? routeKey))
        {
            return false;
        }

        failure = new AccessLogFailure(kind, requestId.ToString(), null, null, method, path, routeKey);
        return true;
    }

    // "GET GET /pets/{id} HTTP/1.1" (method, route key, protocol) or "GET /pets/42 HTTP/1.1" (method, path, protocol).
    private static bool TryReadRequest(ReadOnlySpan<char> request, out string? method, out string? path, out string? routeKey)
    {
        method = path = routeKey = null;
        int firstSpace = request.IndexOf(' ');
        int lastSpace = request.LastIndexOf(' ');
        if (firstSpace <= 0 || lastSpace <= firstSpace || !request[(lastSpace + 1)..].StartsWith("HTTP/", StringComparison.Ordinal))
        {
            return false;
        }

        ReadOnlySpan<char> methodToken = request[..firstSpace];
        ReadOnlySpan<char> target = request[(firstSpace + 1)..lastSpace];
        if (!HttpMethods.IsMethodToken(methodToken) || target.IsEmpty)
        {
            return false;
        }

        method = HttpMethods.Intern(methodToken);
        int routeSpace = target.IndexOf(' ');
        if (target[0] == '/')
        {
            path = ExecutionLine.Clip(target);
        }
        else if (target[0] == '$' || (routeSpace > 0 && HttpMethods.IsMethodToken(target[..routeSpace])
                     && target[(routeSpace + 1)..].StartsWith('/')))
        {
            routeKey = ExecutionLine.Clip(target);
        }
        else if (!target.SequenceEqual(LogText.AccessLogPlaceholder))
        {
            return false;
        }

        return true;
    }

    private static bool TakeLastToken(ref ReadOnlySpan<char> text, out ReadOnlySpan<char> token)
    {
        token = default;
        if (text.IsEmpty || text[^1] != ' ')
        {
            return false;
        }

        text = text[..^1];
        int space = text.LastIndexOf(' ');
        if (space < 0)
        {
            return false;
        }

        token = text[(space + 1)..];
        text = text[..(space + 1)];
        return !token.IsEmpty;
    }
}
