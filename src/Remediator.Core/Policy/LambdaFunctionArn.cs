using System.Text.RegularExpressions;

namespace Remediator.Core.Policy;

/// <summary>
/// A Lambda function ARN, optionally qualified by a version or alias
/// (<c>arn:aws:lambda:us-east-1:111122223333:function:name[:qualifier]</c>).
/// </summary>
public sealed partial record LambdaFunctionArn(
    string Partition, string Region, string AccountId, string FunctionName, string? Qualifier)
{
    /// <summary>The function itself, without qualifier.</summary>
    public string UnqualifiedArn => $"arn:{Partition}:lambda:{Region}:{AccountId}:function:{FunctionName}";

    /// <summary>The ARN as invoked: with <c>:qualifier</c> when there is one.</summary>
    public string Arn => Qualifier is null ? UnqualifiedArn : $"{UnqualifiedArn}:{Qualifier}";

    public override string ToString() => Arn;

    /// <summary>Parses a full function ARN; partial ARNs and names are refused (the account must be known).</summary>
    public static PolicyResult<LambdaFunctionArn> Parse(string? arn)
    {
        var match = arn is null ? null : FunctionArnPattern().Match(arn);
        if (match is not { Success: true })
        {
            return PolicyResult.Failure<LambdaFunctionArn>($"\"{arn}\" is not a Lambda function ARN");
        }

        var qualifier = match.Groups["qualifier"];
        return PolicyResult.Success(new LambdaFunctionArn(
            match.Groups["partition"].Value,
            match.Groups["region"].Value,
            match.Groups["account"].Value,
            match.Groups["name"].Value,
            qualifier.Success ? qualifier.Value : null));
    }

    /// <summary>The same function with another (or no) qualifier.</summary>
    public LambdaFunctionArn WithQualifier(string? qualifier) => this with { Qualifier = qualifier };

    // Lambda's own patterns: names [a-zA-Z0-9-_] up to 64, qualifiers [a-zA-Z0-9$_-] up to 128.
    [GeneratedRegex(@"^arn:(?<partition>aws[a-zA-Z-]*):lambda:(?<region>[a-z]{2}(-[a-z]+)+-[0-9]+):(?<account>[0-9]{12}):function:(?<name>[a-zA-Z0-9_-]{1,64})(:(?<qualifier>[a-zA-Z0-9$_-]{1,128}))?$")]
    private static partial Regex FunctionArnPattern();
}
