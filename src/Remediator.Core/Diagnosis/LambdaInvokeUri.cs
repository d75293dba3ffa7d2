namespace Remediator.Core.Diagnosis;

/// <summary>
/// Extracts the function ARN from a logged Lambda invoke URI
/// (<c>https://lambda.{region}.amazonaws.com/2015-03-31/functions/{function-arn}/invocations</c>).
/// The whole text must have that shape; anything else yields no ARN.
/// </summary>
internal static class LambdaInvokeUri
{
    private const string DnsSuffix = ".amazonaws.com";
    private const string ChinaDnsSuffix = ".amazonaws.com.cn";

    public static string? TryGetFunctionArn(ReadOnlySpan<char> uri)
    {
        uri = uri.TrimEnd();
        if (!uri.StartsWith(LogText.LambdaUriScheme, StringComparison.Ordinal)
            || !uri.EndsWith(LogText.LambdaUriSuffix, StringComparison.Ordinal))
        {
            return null;
        }

        ReadOnlySpan<char> rest = uri[LogText.LambdaUriScheme.Length..^LogText.LambdaUriSuffix.Length];
        int pathStart = rest.IndexOf('/');
        if (pathStart <= 0)
        {
            return null;
        }

        ReadOnlySpan<char> host = rest[..pathStart];
        ReadOnlySpan<char> region = host.EndsWith(ChinaDnsSuffix, StringComparison.Ordinal)
            ? host[..^ChinaDnsSuffix.Length]
            : host.EndsWith(DnsSuffix, StringComparison.Ordinal) ? host[..^DnsSuffix.Length] : default;
        ReadOnlySpan<char> path = rest[pathStart..];
        if (!Chars.AreAll(region, Chars.Region) || !path.StartsWith(LogText.LambdaUriPath, StringComparison.Ordinal))
        {
            return null;
        }

        ReadOnlySpan<char> arn = path[LogText.LambdaUriPath.Length..];
        return IsFunctionArn(arn) ? arn.ToString() : null;
    }

    /// <summary><c>arn:{partition}:lambda:{region}:{12 digits}:function:{name}[:{qualifier}]</c>.</summary>
    internal static bool IsFunctionArn(ReadOnlySpan<char> arn)
    {
        Span<Range> parts = stackalloc Range[9];
        int count = arn.Split(parts, ':');
        if (count is not (7 or 8))
        {
            return false;
        }

        ReadOnlySpan<char> account = arn[parts[4]];
        ReadOnlySpan<char> name = arn[parts[6]];
        return arn[parts[0]].SequenceEqual("arn")
            && Chars.AreAll(arn[parts[1]], Chars.Partition)
            && arn[parts[2]].SequenceEqual("lambda")
            && Chars.AreAll(arn[parts[3]], Chars.Region)
            && account.Length == 12 && Chars.AreAll(account, Chars.Digits)
            && arn[parts[5]].SequenceEqual("function")
            && name.Length <= 64 && Chars.AreAll(name, Chars.FunctionName)
            && (count == 7 || (arn[parts[7]].Length <= 128 && Chars.AreAll(arn[parts[7]], Chars.Qualifier)));
    }
}
