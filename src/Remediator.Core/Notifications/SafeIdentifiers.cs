using System.Buffers;
using Remediator.Core.Diagnosis;

namespace Remediator.Core.Notifications;

/// <summary>
/// The shapes identifiers must have to appear in a subject or a message attribute (docs/ARCHITECTURE.md, "Safety
/// rules" 12): each method returns the value when it has its shape and null otherwise, so a value of another shape is
/// dropped, never passed through.
/// </summary>
public static class SafeIdentifiers
{
    private static readonly SearchValues<char> LowerHex = SearchValues.Create("0123456789abcdef");

    private static readonly SearchValues<char> TagChars = SearchValues.Create(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 _.:/=+-@");

    private static readonly SearchValues<char> Letters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>Printable ASCII: what a subject may hold.</summary>
    public static readonly SearchValues<char> SubjectChars = SearchValues.Create(
        " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    /// <summary>An API Gateway API id: letters and digits, at most 64 (the pattern a grant's API id must have).</summary>
    public static string? ApiId(string? value) => Shaped(value, 64, Chars.Alphanumeric);

    /// <summary>A stage name: letters, digits, <c>-</c> and <c>_</c>, at most 128.</summary>
    public static string? Stage(string? value) => Shaped(value, 128, Chars.StageName);

    /// <summary>An account id: 12 ASCII digits.</summary>
    public static string? AccountId(string? value) => value is { Length: 12 } && Chars.AreAll(value, Chars.Digits) ? value : null;

    /// <summary>
    /// An IAM account alias: 3 to 63 lower-case letters, digits and single hyphens, neither first nor last (IAM's
    /// pattern for CreateAccountAlias).
    /// </summary>
    public static string? AccountAlias(string? value) =>
        value is { Length: >= 3 and <= 63 }
        && value[0] != '-' && value[^1] != '-'
        && !value.Contains("--", StringComparison.Ordinal)
        && value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
            ? value
            : null;

    /// <summary>
    /// How a message names the account: <c>123456789012 (alias)</c>, the id alone without a readable alias, or
    /// <c>unknown</c>.
    /// </summary>
    public static string Account(string? accountId, string? alias) =>
        (AccountId(accountId), AccountAlias(alias)) switch
        {
            ({ } id, { } name) => $"{id} ({name})",
            ({ } id, null) => id,
            (null, { } name) => $"unknown ({name})",
            _ => "unknown",
        };

    /// <summary>A Lambda function name: letters, digits, <c>-</c> and <c>_</c>, at most 64.</summary>
    public static string? FunctionName(string? value) => Shaped(value, 64, Chars.FunctionName);

    /// <summary>An alias or version: letters, digits, <c>-</c>, <c>_</c> and <c>$</c>, at most 128.</summary>
    public static string? Qualifier(string? value) => Shaped(value, 128, Chars.Qualifier);

    /// <summary>A request id as the execution-log prefix takes it: at most 64 characters of UUID or base64 text.</summary>
    public static string? RequestId(string? value) => Shaped(value, DiagnosisLimits.MaxRequestIdChars, Chars.RequestId);

    /// <summary>An OpsCenter OpsItem id (<c>oi-</c> and hex digits): the request-id alphabet, at most 64.</summary>
    public static string? OpsItemId(string? value) => Shaped(value, 64, Chars.RequestId);

    /// <summary>A root-cause (ledger) key: 64 lower-case hex digits, as <c>RootCauseKey</c> hashes it.</summary>
    public static string? RootCauseKey(string? value) => value is { Length: 64 } && Chars.AreAll(value, LowerHex) ? value : null;

    /// <summary>
    /// A tag value a subscription filter policy can match (the owner tag): at most 256 of ASCII letters, digits, space
    /// and <c>_ . : / = + - @</c>, the characters AWS documents for tags; a value outside that shape is left out.
    /// </summary>
    public static string? TagValue(string? value) => value is { Length: > 0 } ? Shaped(value, 256, TagChars) : null;

    /// <summary>The name of one of Remediator's own values (an outcome, reason or kind): ASCII letters, at most 64.</summary>
    public static string? Token(string? value) => Shaped(value, 64, Letters);

    private static string? Shaped(string? value, int maxLength, SearchValues<char> allowed) =>
        value is not null && value.Length <= maxLength && Chars.AreAll(value, allowed) ? value : null;
}
