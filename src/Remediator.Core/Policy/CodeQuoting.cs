using System.Globalization;
using System.Text;

namespace Remediator.Core.Policy;

/// <summary>
/// Double-quoted string literals of YAML and HCL for values Remediator writes into infrastructure code: the value
/// read back by a YAML or HCL parser is exactly the input, whatever it holds (docs/ARCHITECTURE.md, "Safety rules" 12).
/// </summary>
internal static class CodeQuoting
{
    /// <summary>A YAML double-quoted scalar: <c>\</c> and <c>"</c> escaped, anything outside printable ASCII as <c>\u</c>/<c>\U</c>.</summary>
    public static string Yaml(string value) => Quote(value, hcl: false);

    /// <summary>
    /// An HCL (Terraform) quoted template: as <see cref="Yaml"/>, and <c>${</c> and <c>%{</c> doubled so nothing in
    /// the value is read as interpolation or a directive.
    /// </summary>
    public static string Hcl(string value) => Quote(value, hcl: true);

    private static string Quote(string value, bool hcl)
    {
        ArgumentNullException.ThrowIfNull(value);
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c is '"' or '\\')
            {
                quoted.Append('\\').Append(c);
            }
            else if (hcl && c is '$' or '%' && i + 1 < value.Length && value[i + 1] == '{')
            {
                // "$${" reads as the literal "${", "%%{" as "%{".
                quoted.Append(c).Append(c);
            }
            else if (c is >= ' ' and <= '~')
            {
                quoted.Append(c);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                quoted.Append(CultureInfo.InvariantCulture, $"\\U{char.ConvertToUtf32(c, value[i + 1]):X8}");
                i++;
            }
            else
            {
                // A lone surrogate is no character either format can carry: it becomes U+FFFD.
                quoted.Append(CultureInfo.InvariantCulture, $"\\u{(int)(char.IsSurrogate(c) ? '\uFFFD' : c):X4}");
            }
        }

        return quoted.Append('"').ToString();
    }
}
