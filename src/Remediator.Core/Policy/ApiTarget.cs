using System.Text.RegularExpressions;

namespace Remediator.Core.Policy;

/// <summary>The API a source ARN names: where it lives and its id.</summary>
public sealed partial record ApiTarget(string Region, string AccountId, string ApiId)
{
    public string Partition => AwsPartition.FromRegion(Region);

    /// <summary>Why these values cannot name exactly one API, or <c>null</c> when they can.</summary>
    public string? Validate()
    {
        if (Region is null || !RegionPattern().IsMatch(Region))
        {
            return $"region \"{Region}\" is not a region name";
        }

        if (AccountId is null || !AccountPattern().IsMatch(AccountId))
        {
            return $"account \"{AccountId}\" is not a 12-digit account id";
        }

        // Never a wildcard: a grant must name one API (docs/ARCHITECTURE.md, "Safety rules" 5).
        return ApiId is null || !ApiIdPattern().IsMatch(ApiId)
            ? $"API id \"{ApiId}\" is not a single API id (letters and digits only)"
            : null;
    }

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$")]
    internal static partial Regex RegionPattern();

    [GeneratedRegex("^[0-9]{12}$")]
    internal static partial Regex AccountPattern();

    [GeneratedRegex("^[A-Za-z0-9]{1,64}$")]
    internal static partial Regex ApiIdPattern();
}
