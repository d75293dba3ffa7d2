namespace Remediator.Core.Diagnosis;

/// <summary>
/// Span-based, anchored reading of one REST/WebSocket execution-log line: <c>(&lt;requestId&gt;) &lt;text&gt;</c>.
/// Shapes are recognised only at the start of <c>&lt;text&gt;</c>, so failure text inside a logged header, body,
/// query string or path never counts.
/// </summary>
internal static class ExecutionLine
{
    /// <summary>Splits the request-id prefix off; false when the line does not start with one.</summary>
    public static bool TrySplit(ReadOnlySpan<char> line, out ReadOnlySpan<char> requestId, out ReadOnlySpan<char> text)
    {
        requestId = default;
        text = default;
        if (line.Length < 4 || line[0] != '(')
        {
            return false;
        }

        int limit = Math.Min(line.Length, DiagnosisLimits.MaxRequestIdChars + 3);
        int close = line[1..limit].IndexOf(") ");
        if (close <= 0)
        {
            return false;
        }

        requestId = line.Slice(1, close);
        if (!Chars.AreAll(requestId, Chars.RequestId))
        {
            return false;
        }

        text = line[(close + 3)..];
        return true;
    }

    /// <summary>
    /// The body an <c>Endpoint response body before transformations: </c> line recorded (as cut by the logs);
    /// null for any other line.
    /// </summary>
    public static string? ResponseBody(string line) =>
        TrySplit(line, out _, out ReadOnlySpan<char> text) && text.StartsWith(LogText.EndpointResponseBodyPrefix, StringComparison.Ordinal)
            ? text[LogText.EndpointResponseBodyPrefix.Length..].ToString()
            : null;

    /// <summary>Which documented shape <paramref name="text"/> (the part after the prefix) has.</summary>
    public static ExecutionLineShape Classify(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return ExecutionLineShape.Other;
        }

        // Dispatch on the first letter so a typical line costs one or two prefix comparisons.
        return text[0] switch
        {
            'E' => ClassifyE(text),
            'L' => IsCustomerFunctionError(text) ? ExecutionLineShape.CustomerFunctionError
                : IsThrottledInvocation(text) ? ExecutionLineShape.LambdaThrottled
                : ExecutionLineShape.Other,
            'M' => Is5xxCompletion(text) ? ExecutionLineShape.MethodCompleted5xx : ExecutionLineShape.Other,
            'H' => text.StartsWith(LogText.HttpMethodPrefix, StringComparison.Ordinal)
                ? ExecutionLineShape.HttpMethodAndPath
                : ExecutionLineShape.Other,
            'S' => text.StartsWith(LogText.SendingRequestToPrefix, StringComparison.Ordinal)
                ? ExecutionLineShape.SendingRequestTo
                : ExecutionLineShape.Other,
            'W' => text.StartsWith(LogText.WebSocketRoutePrefix, StringComparison.Ordinal)
                ? ExecutionLineShape.WebSocketRoute
                : ExecutionLineShape.Other,
            'A' => text.TrimEnd().SequenceEqual(LogText.AuthorizerConfigurationException)
                ? ExecutionLineShape.AuthorizerConfigurationException
                : ExecutionLineShape.Other,
            _ => ExecutionLineShape.Other,
        };
    }

    /// <summary>Reads <c>HTTP Method: GET, Resource Path: /pets/42</c>.</summary>
    public static bool TryReadMethodAndPath(ReadOnlySpan<char> text, out string method, out string path)
    {
        method = string.Empty;
        path = string.Empty;
        ReadOnlySpan<char> rest = text[LogText.HttpMethodPrefix.Length..];
        int comma = rest.IndexOf(LogText.ResourcePathInfix, StringComparison.Ordinal);
        if (comma <= 0 || comma > 16 || !Chars.AreAll(rest[..comma], Chars.UpperLetters))
        {
            return false;
        }

        ReadOnlySpan<char> pathText = rest[(comma + LogText.ResourcePathInfix.Length)..].TrimEnd();
        if (pathText.IsEmpty || pathText[0] != '/')
        {
            return false;
        }

        method = HttpMethods.Intern(rest[..comma]);
        path = Clip(pathText);
        return true;
    }

    /// <summary>Reads <c>WebSocket Request Route: [$connect]</c>.</summary>
    public static bool TryReadRouteKey(ReadOnlySpan<char> text, out string routeKey)
    {
        ReadOnlySpan<char> rest = text[LogText.WebSocketRoutePrefix.Length..].TrimEnd();
        routeKey = string.Empty;
        if (rest.Length < 2 || rest[^1] != ']')
        {
            return false;
        }

        routeKey = Clip(rest[..^1]);
        return routeKey.Length > 0;
    }

    /// <summary>The detail after <c>... due to customer function error: </c>.</summary>
    public static ReadOnlySpan<char> CustomerErrorDetail(ReadOnlySpan<char> text)
    {
        int infix = text.IndexOf(LogText.CustomerFunctionErrorInfix, StringComparison.Ordinal);
        return text[(infix + LogText.CustomerFunctionErrorInfix.Length)..];
    }

    internal static string Clip(ReadOnlySpan<char> value) =>
        value.Length <= DiagnosisLimits.MaxFieldChars ? value.ToString() : value[..DiagnosisLimits.MaxFieldChars].ToString();

    private static ExecutionLineShape ClassifyE(ReadOnlySpan<char> text)
    {
        if (text.StartsWith(LogText.ConfigurationErrorPrefix, StringComparison.Ordinal))
        {
            return ConfigurationErrors.Classify(text[LogText.ConfigurationErrorPrefix.Length..]);
        }

        return Phrase.IsWhole(text, LogText.TimeoutError) ? ExecutionLineShape.TimeoutError
            : text.StartsWith(LogText.EndpointRequestUriPrefix, StringComparison.Ordinal) ? ExecutionLineShape.EndpointRequestUri
            : text.StartsWith(LogText.EndpointResponseHeadersPrefix, StringComparison.Ordinal) ? ExecutionLineShape.EndpointResponseHeaders
            : text.StartsWith(LogText.EndpointResponseBodyPrefix, StringComparison.Ordinal) ? ExecutionLineShape.EndpointResponseBody
            : ExecutionLineShape.Other;
    }

    // "Lambda execution failed with status 200 due to customer function error: <detail>"
    private static bool IsCustomerFunctionError(ReadOnlySpan<char> text)
    {
        if (!text.StartsWith(LogText.LambdaExecutionFailedPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        ReadOnlySpan<char> rest = text[LogText.LambdaExecutionFailedPrefix.Length..];
        int digits = rest.IndexOfAnyExcept(Chars.Digits);
        return digits is > 0 and <= 3
            && rest[digits..].StartsWith(LogText.CustomerFunctionErrorInfix, StringComparison.Ordinal);
    }

    // "Lambda invocation failed with status: 429. Lambda request id: ..." (Lambda refused the call: throttled)
    private static bool IsThrottledInvocation(ReadOnlySpan<char> text)
    {
        if (!text.StartsWith(LogText.LambdaInvocationFailedPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        ReadOnlySpan<char> rest = text[LogText.LambdaInvocationFailedPrefix.Length..];
        return rest.StartsWith(LogText.ThrottledStatus, StringComparison.Ordinal)
            && (rest.Length == LogText.ThrottledStatus.Length || !char.IsAsciiDigit(rest[LogText.ThrottledStatus.Length]));
    }

    // "Method completed with status: 502"
    private static bool Is5xxCompletion(ReadOnlySpan<char> text)
    {
        if (!text.StartsWith(LogText.MethodCompletedPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        ReadOnlySpan<char> status = text[LogText.MethodCompletedPrefix.Length..].TrimEnd();
        return status.Length == 3 && status[0] == '5' && Chars.AreAll(status, Chars.Digits);
    }
}
