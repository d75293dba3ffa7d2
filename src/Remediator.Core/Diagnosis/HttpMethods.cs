namespace Remediator.Core.Diagnosis;

/// <summary>Shares one string per common HTTP method so thousands of context lines allocate none.</summary>
internal static class HttpMethods
{
    private static readonly string[] Common = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "ANY"];

    public static string Intern(ReadOnlySpan<char> method)
    {
        foreach (string known in Common)
        {
            if (method.SequenceEqual(known))
            {
                return known;
            }
        }

        return method.ToString();
    }

    public static bool IsMethodToken(ReadOnlySpan<char> token) =>
        token.Length is > 0 and <= 16 && Chars.AreAll(token, Chars.UpperLetters);
}
