using System.Globalization;
using System.Text;

namespace Remediator.Sandbox.Http;

/// <summary>Opaque pagination tokens (an offset, base64-encoded so clients treat it as opaque, as AWS's are).</summary>
internal static class PageToken
{
    public static string Encode(int offset) => Convert.ToBase64String(Encoding.ASCII.GetBytes(offset.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The offset a token stands for; 0 for no token; false for a token the sandbox never issued.</summary>
    public static bool TryDecode(string? token, out int offset)
    {
        offset = 0;
        if (string.IsNullOrEmpty(token))
        {
            return true;
        }

        try
        {
            return int.TryParse(Encoding.ASCII.GetString(Convert.FromBase64String(token)), NumberStyles.None, CultureInfo.InvariantCulture, out offset);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>One page of a list and the token for the next, if any.</summary>
    public static (List<T> Page, string? Next) Slice<T>(IReadOnlyList<T> items, int offset, int limit)
    {
        ArgumentNullException.ThrowIfNull(items);
        var page = items.Skip(offset).Take(limit).ToList();
        return (page, offset + limit < items.Count ? Encode(offset + limit) : null);
    }
}
