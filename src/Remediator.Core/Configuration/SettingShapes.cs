namespace Remediator.Core.Configuration;

/// <summary>
/// The shapes a setting's value must have, checked by hand rather than with regular expressions: reading
/// the settings is the first thing a Lambda cold start does, and building and running its first
/// <c>Regex</c> (loading System.Text.RegularExpressions, the generated runners, their vectorised
/// searches) cost more than everything else in it. Each check accepts exactly what the pattern in its
/// summary matches (.NET semantics: <c>\d</c> is any Unicode decimal digit, <c>$</c> also matches before
/// one final <c>\n</c>); the tests compare each with its pattern.
/// </summary>
internal static class SettingShapes
{
    /// <summary><c>^arn:aws(-[a-z]+)*:sns:[a-z]{2}(-[a-z]+)+-\d:\d{12}:[A-Za-z0-9_-]{1,256}(\.fifo)?$</c></summary>
    public static bool IsSnsTopicArn(string value)
    {
        ReadOnlySpan<char> rest = BeforeFinalNewline(value);
        if (!TakeField(ref rest, out ReadOnlySpan<char> arn) || !arn.SequenceEqual("arn")
            || !TakeField(ref rest, out ReadOnlySpan<char> partition) || !IsSnsPartition(partition)
            || !TakeField(ref rest, out ReadOnlySpan<char> service) || !service.SequenceEqual("sns")
            || !TakeField(ref rest, out ReadOnlySpan<char> region) || !IsSnsRegion(region)
            || !TakeField(ref rest, out ReadOnlySpan<char> account) || account.Length != 12 || !AllUnicodeDigits(account))
        {
            return false;
        }

        // The topic is the last field: no ':' in it.
        ReadOnlySpan<char> topic = rest.EndsWith(".fifo") ? rest[..^".fifo".Length] : rest;
        return topic.Length is >= 1 and <= 256 && All(topic, IsTopicNameChar);
    }

    /// <summary><c>^[A-Za-z0-9_.-]{3,255}$</c></summary>
    public static bool IsDynamoDbTableName(string value)
    {
        ReadOnlySpan<char> name = BeforeFinalNewline(value);
        return name.Length is >= 3 and <= 255 && All(name, c => IsAsciiWordChar(c) || c is '.' or '-');
    }

    /// <summary><c>^(?!aws:)[\p{L}\p{N} _.:/=+@-]{1,128}$</c>, ignoring case (so no casing of <c>aws:</c> either):
    /// Lambda tag keys; <c>aws:</c> is reserved for AWS, so a tag under it could never be set by an owner.</summary>
    public static bool IsTagKey(string value)
    {
        ReadOnlySpan<char> key = BeforeFinalNewline(value);
        return !StartsWithAwsPrefix(value) && key.Length is >= 1 and <= 128
            && All(key, c => char.IsLetter(c) || char.IsNumber(c) || c is ' ' or '_' or '.' or ':' or '/' or '=' or '+' or '@' or '-');
    }

    /// <summary><c>^[A-Za-z0-9_*-]{1,140}$</c>: a function name ([A-Za-z0-9-_], up to 64) with <c>*</c>
    /// wildcards; an ARN is rejected on purpose.</summary>
    public static bool IsFunctionNamePattern(string value)
    {
        ReadOnlySpan<char> pattern = BeforeFinalNewline(value);
        return pattern.Length is >= 1 and <= 140 && All(pattern, c => IsAsciiWordChar(c) || c is '*' or '-');
    }

    // '$' without RegexOptions.Multiline matches at the end and before a final '\n'; no class here
    // admits '\n', so a value matches exactly when the value without that one '\n' does.
    private static ReadOnlySpan<char> BeforeFinalNewline(string value) =>
        value.EndsWith('\n') ? value.AsSpan(0, value.Length - 1) : value.AsSpan();

    private static bool TakeField(ref ReadOnlySpan<char> rest, out ReadOnlySpan<char> field)
    {
        int colon = rest.IndexOf(':');
        if (colon < 0)
        {
            field = default;
            return false;
        }

        field = rest[..colon];
        rest = rest[(colon + 1)..];
        return true;
    }

    // aws(-[a-z]+)*
    private static bool IsSnsPartition(ReadOnlySpan<char> partition)
    {
        if (!partition.StartsWith("aws"))
        {
            return false;
        }

        ReadOnlySpan<char> rest = partition[3..];
        while (!rest.IsEmpty)
        {
            if (rest[0] != '-')
            {
                return false;
            }

            rest = rest[1..];
            int run = LowerRun(rest);
            if (run == 0)
            {
                return false;
            }

            rest = rest[run..];
        }

        return true;
    }

    // [a-z]{2}(-[a-z]+)+-\d : two letters, one or more '-'-led runs of letters, then '-' and one digit.
    private static bool IsSnsRegion(ReadOnlySpan<char> region)
    {
        if (region.Length < 2 || LowerRun(region[..2]) != 2)
        {
            return false;
        }

        ReadOnlySpan<char> rest = region[2..];
        int runs = 0;
        while (rest.Length >= 2 && rest[0] == '-' && rest[1] is >= 'a' and <= 'z')
        {
            rest = rest[1..];
            rest = rest[LowerRun(rest)..];
            runs++;
        }

        return runs >= 1 && rest.Length == 2 && rest[0] == '-' && char.IsDigit(rest[1]);
    }

    private static bool StartsWithAwsPrefix(string value) =>
        value.Length >= 4 && IsCaseOf(value[0], 'a') && IsCaseOf(value[1], 'w') && IsCaseOf(value[2], 's') && value[3] == ':';

    // Regex's IgnoreCase equates these ASCII letters with their upper case only (not U+017F for 's'; a test pins it).
    private static bool IsCaseOf(char c, char lower) => c == lower || c == char.ToUpperInvariant(lower);

    private static int LowerRun(ReadOnlySpan<char> text)
    {
        int i = 0;
        while (i < text.Length && text[i] is >= 'a' and <= 'z')
        {
            i++;
        }

        return i;
    }

    private static bool AllUnicodeDigits(ReadOnlySpan<char> text) => All(text, char.IsDigit);

    private static bool IsAsciiWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static bool IsTopicNameChar(char c) => IsAsciiWordChar(c) || c == '-';

    private static bool All(ReadOnlySpan<char> text, Func<char, bool> allowed)
    {
        foreach (char c in text)
        {
            if (!allowed(c))
            {
                return false;
            }
        }

        return true;
    }
}
