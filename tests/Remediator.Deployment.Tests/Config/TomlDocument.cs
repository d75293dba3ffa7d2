using System.Globalization;
using System.Text;

namespace Remediator.Deployment.Tests.Config;

/// <summary>
/// The subset of TOML that samconfig.toml uses: <c>[dotted.table]</c> headers, <c>key = value</c> with basic
/// or literal strings, booleans, numbers and one-line arrays, and <c>#</c> comments. Anything else is an error,
/// so the test fails rather than silently misreading the file.
/// </summary>
internal sealed class TomlDocument
{
    private readonly Dictionary<string, Dictionary<string, object>> _tables = new(StringComparer.Ordinal);

    private TomlDocument()
    {
    }

    /// <summary>Keys above the first table header.</summary>
    public IReadOnlyDictionary<string, object> Root => Table(string.Empty)!;

    public IEnumerable<string> TableNames => _tables.Keys.Where(k => k.Length > 0);

    public IReadOnlyDictionary<string, object>? Table(string name) => _tables.GetValueOrDefault(name);

    public static TomlDocument Parse(string text)
    {
        var document = new TomlDocument();
        var current = document.Open(string.Empty);
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = StripComment(rawLine).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith('['))
            {
                if (!line.EndsWith(']') || line.StartsWith("[[", StringComparison.Ordinal))
                {
                    throw new FormatException($"line {lineNumber}: unsupported table header '{line}'");
                }

                var name = line[1..^1].Trim();
                if (document._tables.ContainsKey(name))
                {
                    throw new FormatException($"line {lineNumber}: table [{name}] defined twice");
                }

                current = document.Open(name);
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"line {lineNumber}: expected key = value");
            }

            var key = line[..equals].Trim();
            if (!current.TryAdd(key, ParseValue(line[(equals + 1)..].Trim(), lineNumber)))
            {
                throw new FormatException($"line {lineNumber}: key '{key}' defined twice");
            }
        }

        return document;
    }

    private Dictionary<string, object> Open(string name)
    {
        var table = new Dictionary<string, object>(StringComparer.Ordinal);
        _tables[name] = table;
        return table;
    }

    private static object ParseValue(string text, int lineNumber)
    {
        var i = 0;
        var value = ReadValue(text, ref i, lineNumber);
        if (i != text.Length)
        {
            throw new FormatException($"line {lineNumber}: unexpected text after value: '{text[i..]}'");
        }

        return value;
    }

    private static object ReadValue(string text, ref int i, int lineNumber)
    {
        if (i >= text.Length)
        {
            throw new FormatException($"line {lineNumber}: missing value");
        }

        switch (text[i])
        {
            case '"':
                return ReadBasicString(text, ref i, lineNumber);
            case '\'':
                var end = text.IndexOf('\'', i + 1);
                if (end < 0)
                {
                    throw new FormatException($"line {lineNumber}: unterminated literal string");
                }

                var literal = text[(i + 1)..end];
                i = end + 1;
                return literal;
            case '[':
                return ReadArray(text, ref i, lineNumber);
        }

        var start = i;
        while (i < text.Length && text[i] != ',' && text[i] != ']' && !char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        var token = text[start..i];
        if (token is "true" or "false")
        {
            return token == "true";
        }

        if (long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return integer;
        }

        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        throw new FormatException($"line {lineNumber}: unsupported value '{token}'");
    }

    private static string ReadBasicString(string text, ref int i, int lineNumber)
    {
        var result = new StringBuilder();
        i++;
        while (i < text.Length)
        {
            var c = text[i++];
            if (c == '"')
            {
                return result.ToString();
            }

            if (c != '\\')
            {
                result.Append(c);
                continue;
            }

            if (i >= text.Length)
            {
                break;
            }

            result.Append(text[i++] switch
            {
                '"' => '"',
                '\\' => '\\',
                'n' => '\n',
                't' => '\t',
                var other => throw new FormatException($"line {lineNumber}: unsupported escape \\{other}"),
            });
        }

        throw new FormatException($"line {lineNumber}: unterminated string");
    }

    private static List<object> ReadArray(string text, ref int i, int lineNumber)
    {
        var items = new List<object>();
        i++;
        while (true)
        {
            SkipSpaces(text, ref i);
            if (i < text.Length && text[i] == ']')
            {
                i++;
                return items;
            }

            items.Add(ReadValue(text, ref i, lineNumber));
            SkipSpaces(text, ref i);
            if (i < text.Length && text[i] == ',')
            {
                i++;
            }
            else if (i >= text.Length || text[i] != ']')
            {
                throw new FormatException($"line {lineNumber}: expected ',' or ']' in array");
            }
        }
    }

    private static void SkipSpaces(string text, ref int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
    }

    // A # starts a comment unless it sits inside a string.
    private static string StripComment(string line)
    {
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is null && c == '#')
            {
                return line[..i];
            }

            if (c == '\\' && quote == '"')
            {
                i++;
            }
            else if (c is '"' or '\'')
            {
                quote = quote is null ? c : quote == c ? null : quote;
            }
        }

        return line;
    }
}
