namespace Remediator.Core.Diagnosis;

/// <summary>Reads API id and stage from a REST/WebSocket execution log group: <c>API-Gateway-Execution-Logs_{apiId}/{stage}</c>.</summary>
internal static class ExecutionLogGroup
{
    private const int MaxApiIdChars = 32;
    private const int MaxStageChars = 128;

    public static bool TryParse(string logGroup, out string apiId, out string stage)
    {
        apiId = string.Empty;
        stage = string.Empty;
        if (!logGroup.StartsWith(LogText.ExecutionLogGroupPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        ReadOnlySpan<char> rest = logGroup.AsSpan(LogText.ExecutionLogGroupPrefix.Length);
        int slash = rest.IndexOf('/');
        if (slash <= 0)
        {
            return false;
        }

        ReadOnlySpan<char> id = rest[..slash];
        ReadOnlySpan<char> stageName = rest[(slash + 1)..];
        if (id.Length > MaxApiIdChars || !IsAlphanumeric(id) || stageName.IsEmpty || stageName.Length > MaxStageChars
            || !IsStageName(stageName))
        {
            return false;
        }

        apiId = id.ToString();
        stage = stageName.ToString();
        return true;
    }

    private static bool IsAlphanumeric(ReadOnlySpan<char> value) => !value.ContainsAnyExcept(Chars.Alphanumeric);

    // API Gateway stage names: letters, digits, hyphens and underscores.
    private static bool IsStageName(ReadOnlySpan<char> value) => !value.ContainsAnyExcept(Chars.StageName);
}
