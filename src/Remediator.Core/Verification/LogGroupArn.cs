using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Remediator.Core.Verification;

/// <summary>
/// A CloudWatch Logs log group ARN, <c>arn:{partition}:logs:{region}:{account}:log-group:{name}</c>, as an access-log
/// destination names it: with or without the trailing <c>:*</c> that DescribeLogGroups' <c>arn</c> carries.
/// </summary>
internal sealed partial record LogGroupArn(string Partition, string Region, string AccountId, string Name)
{
    public static bool TryParse(string? arn, [NotNullWhen(true)] out LogGroupArn? parsed)
    {
        Match match = arn is null ? Match.Empty : Pattern().Match(arn);
        parsed = match.Success
            ? new LogGroupArn(match.Groups["partition"].Value, match.Groups["region"].Value, match.Groups["account"].Value, match.Groups["name"].Value)
            : null;
        return parsed is not null;
    }

    // Log group names: 1 to 512 of [.-_/#A-Za-z0-9]; no ':' so the optional ":*" cannot be part of the name.
    [GeneratedRegex(@"^arn:(?<partition>aws[a-z-]*):logs:(?<region>[a-z]{2}(-[a-z]+)+-[0-9]+):(?<account>[0-9]{12}):log-group:(?<name>[.\-_/#A-Za-z0-9]{1,512})(:\*)?$")]
    private static partial Regex Pattern();
}
