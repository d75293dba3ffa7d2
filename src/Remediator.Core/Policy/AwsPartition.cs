namespace Remediator.Core.Policy;

/// <summary>The ARN partition a region belongs to.</summary>
public static class AwsPartition
{
    public const string Standard = "aws";
    public const string China = "aws-cn";
    public const string GovCloud = "aws-us-gov";

    // Longest prefixes first: "us-isob-" must not be read as "us-iso-".
    private static readonly (string Prefix, string Partition)[] Prefixes =
    [
        ("us-gov-", GovCloud),
        ("cn-", China),
        ("us-isob-", "aws-iso-b"),
        ("us-isof-", "aws-iso-f"),
        ("eu-isoe-", "aws-iso-e"),
        ("us-iso-", "aws-iso"),
    ];

    /// <summary><c>us-east-1</c> → <c>aws</c>, <c>cn-north-1</c> → <c>aws-cn</c>, <c>us-gov-west-1</c> → <c>aws-us-gov</c>.</summary>
    public static string FromRegion(string region)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        foreach (var (prefix, partition) in Prefixes)
        {
            if (region.StartsWith(prefix, StringComparison.Ordinal))
            {
                return partition;
            }
        }

        return Standard;
    }
}
