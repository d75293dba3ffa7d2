using System.Globalization;
using System.Text.Json;

namespace Remediator.Emulation.Logs;

/// <summary>A property selector such as <c>$.user.id</c> or <c>$.users[0].email</c>.</summary>
internal sealed record JsonSelector(string Text, IReadOnlyList<JsonSelector.Step> Steps)
{
    /// <summary>One step: a property name, or an array index when <see cref="Name"/> is null.</summary>
    internal readonly record struct Step(string? Name, int Index);

    public static JsonSelector Parse(string text, int position)
    {
        if (text.Length < 2 || text[0] != '$')
        {
            throw new FilterPatternException($"'{text}' is not a property selector", position);
        }

        var steps = new List<Step>();
        var i = 1;
        while (i < text.Length)
        {
            if (text[i] == '.')
            {
                var start = ++i;
                while (i < text.Length && IsNameChar(text[i]))
                {
                    i++;
                }

                if (i == start)
                {
                    throw new FilterPatternException($"empty property name in '{text}'", position + start);
                }

                steps.Add(new Step(text[start..i], 0));
            }
            else if (text[i] == '[')
            {
                var close = text.IndexOf(']', i);
                if (close < 0 || !int.TryParse(text.AsSpan(i + 1, close - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    throw new FilterPatternException($"array index in '{text}' must be a non-negative integer", position + i);
                }

                steps.Add(new Step(null, index));
                i = close + 1;
            }
            else
            {
                throw new FilterPatternException($"unexpected '{text[i]}' in selector '{text}'", position + i);
            }
        }

        return new JsonSelector(text, steps);
    }

    /// <summary>Finds the selected value; false when any step is missing or of the wrong shape.</summary>
    public bool TryResolve(JsonElement root, out JsonElement value)
    {
        value = root;
        foreach (var step in Steps)
        {
            if (step.Name is { } name)
            {
                if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(name, out value))
                {
                    return false;
                }
            }
            else if (value.ValueKind != JsonValueKind.Array || step.Index >= value.GetArrayLength())
            {
                return false;
            }
            else
            {
                value = value[step.Index];
            }
        }

        return true;
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '@' or '$';
}
