using System.Text.RegularExpressions;
using Remediator.Core.Policy;

namespace Remediator.Core.Revert;

/// <summary>
/// Turns what an operator typed (<c>--function</c> as a name or a full ARN, <c>--qualifier</c>) into the full
/// function ARN whose policy is read, in the caller's account and region when only a name is given.
/// </summary>
public static partial class FunctionReference
{
    /// <summary>The function as named, or why the input cannot name exactly one function policy.</summary>
    public static Result<LambdaFunctionArn, string> Resolve(string function, string? qualifier, string accountId, string region)
    {
        ArgumentNullException.ThrowIfNull(function);
        if (qualifier is not null && !QualifierPattern().IsMatch(qualifier))
        {
            return Result<LambdaFunctionArn, string>.Failure($"--qualifier \"{qualifier}\" is not a version or alias name");
        }

        if (function.StartsWith("arn:", StringComparison.Ordinal))
        {
            Result<LambdaFunctionArn, string> parsed = LambdaFunctionArn.Parse(function);
            if (!parsed.IsSuccess)
            {
                return parsed;
            }

            LambdaFunctionArn arn = parsed.Value;
            if (arn.Qualifier is not null && qualifier is not null && arn.Qualifier != qualifier)
            {
                return Result<LambdaFunctionArn, string>.Failure($"--function names qualifier {arn.Qualifier} and --qualifier says {qualifier}");
            }

            return Result<LambdaFunctionArn, string>.Success(arn.WithQualifier(arn.Qualifier ?? qualifier));
        }

        if (!NamePattern().IsMatch(function))
        {
            return Result<LambdaFunctionArn, string>.Failure($"--function \"{function}\" is neither a function name nor a full function ARN");
        }

        return Result<LambdaFunctionArn, string>.Success(new LambdaFunctionArn(AwsPartition.FromRegion(region), region, accountId, function, qualifier));
    }

    /// <summary>True when <paramref name="function"/> (name or ARN) names the same function as <paramref name="arn"/>.</summary>
    public static bool Names(string function, LambdaFunctionArn arn)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(arn);
        if (!function.StartsWith("arn:", StringComparison.Ordinal))
        {
            return string.Equals(function, arn.FunctionName, StringComparison.Ordinal);
        }

        Result<LambdaFunctionArn, string> parsed = LambdaFunctionArn.Parse(function);
        return parsed.IsSuccess
            && string.Equals(parsed.Value.UnqualifiedArn, arn.UnqualifiedArn, StringComparison.Ordinal)
            && (parsed.Value.Qualifier is null || string.Equals(parsed.Value.Qualifier, arn.Qualifier, StringComparison.Ordinal));
    }

    // Lambda's own patterns (as in LambdaFunctionArn): names [a-zA-Z0-9-_] up to 64, qualifiers [a-zA-Z0-9$_-] up to 128.
    [GeneratedRegex("^[a-zA-Z0-9_-]{1,64}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[a-zA-Z0-9$_-]{1,128}$")]
    private static partial Regex QualifierPattern();
}
