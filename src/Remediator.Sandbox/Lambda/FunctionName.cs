using System.Text.RegularExpressions;

namespace Remediator.Sandbox.Lambda;

/// <summary>
/// A <c>FunctionName</c> as Lambda accepts it: a name, <c>name:qualifier</c>, a partial ARN
/// (<c>123456789012:function:name</c>) or a full ARN, each optionally qualified.
/// </summary>
internal sealed partial record FunctionName(string Name, string? Qualifier, string? AccountId, string? Region)
{
    /// <summary>Parses a function name or ARN; false when it matches none of Lambda's forms.</summary>
    public static bool TryParse(string? value, out FunctionName result)
    {
        result = new FunctionName(string.Empty, null, null, null);
        if (string.IsNullOrEmpty(value) || value.Length > 256)
        {
            return false;
        }

        var match = Pattern().Match(value);
        if (!match.Success)
        {
            return false;
        }

        result = new FunctionName(
            match.Groups["name"].Value,
            match.Groups["qualifier"].Success ? match.Groups["qualifier"].Value : null,
            match.Groups["account"].Success ? match.Groups["account"].Value : null,
            match.Groups["region"].Success ? match.Groups["region"].Value : null);
        return true;
    }

    /// <summary>The unqualified function ARN in an account and region.</summary>
    public static string Arn(string region, string accountId, string name) => $"arn:aws:lambda:{region}:{accountId}:function:{name}";

    /// <summary>The ARN with an optional qualifier appended.</summary>
    public static string Qualified(string functionArn, string? qualifier) =>
        qualifier is null ? functionArn : $"{functionArn}:{qualifier}";

    [GeneratedRegex(@"^(?:arn:aws[a-zA-Z-]*:lambda:(?<region>[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d):)?(?:(?<account>\d{12}):)?(?:function:)?(?<name>[a-zA-Z0-9\-_]+)(?::(?<qualifier>\$LATEST|[a-zA-Z0-9\-_]+))?$")]
    private static partial Regex Pattern();
}
