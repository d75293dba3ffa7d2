using System.Buffers;

namespace Remediator.Core.Diagnosis;

/// <summary>Character sets the line parsers validate against (vectorised searches, no regex).</summary>
internal static class Chars
{
    public static readonly SearchValues<char> Alphanumeric =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

    public static readonly SearchValues<char> StageName =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>REST request ids are UUIDs; WebSocket and HTTP ones are base64-like (<c>Vwc2MGFUrPEFV_g=</c>).</summary>
    public static readonly SearchValues<char> RequestId =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/.");

    public static readonly SearchValues<char> UpperLetters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    public static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    public static readonly SearchValues<char> Region =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");

    public static readonly SearchValues<char> Partition = SearchValues.Create("abcdefghijklmnopqrstuvwxyz-");

    public static readonly SearchValues<char> FunctionName =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    public static readonly SearchValues<char> Qualifier =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_$");

    public static bool AreAll(ReadOnlySpan<char> value, SearchValues<char> allowed) =>
        !value.IsEmpty && !value.ContainsAnyExcept(allowed);
}
