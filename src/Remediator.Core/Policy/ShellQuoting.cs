using System.Text.RegularExpressions;

namespace Remediator.Core.Policy;

/// <summary>POSIX shell quoting for the commands Remediator prints for people to copy and run.</summary>
internal static partial class ShellQuoting
{
    /// <summary>Leaves plain words alone; single-quotes anything else (<c>*</c> and <c>$</c> occur in source ARNs).</summary>
    public static string Quote(string value) =>
        PlainWordPattern().IsMatch(value) ? value : "'" + value.Replace("'", @"'\''", StringComparison.Ordinal) + "'";

    [GeneratedRegex("^[A-Za-z0-9_./:@%+=,-]+$")]
    private static partial Regex PlainWordPattern();
}
