namespace Remediator.Core.Policy;

/// <summary>
/// A Lambda function ARN, optionally qualified by a version or alias
/// (<c>arn:aws:lambda:us-east-1:111122223333:function:name[:qualifier]</c>).
/// </summary>
public sealed record LambdaFunctionArn(
    string Partition, string Region, string AccountId, string FunctionName, string? Qualifier)
{
    /// <summary>The function itself, without qualifier.</summary>
    public string UnqualifiedArn => $"arn:{Partition}:lambda:{Region}:{AccountId}:function:{FunctionName}";

    /// <summary>The ARN as invoked: with <c>:qualifier</c> when there is one.</summary>
    public string Arn => Qualifier is null ? UnqualifiedArn : $"{UnqualifiedArn}:{Qualifier}";

    public override string ToString() => Arn;

    /// <summary>Parses a full function ARN; partial ARNs and names are refused (the account must be known).</summary>
    /// <remarks>Accepts exactly what
    /// <c>^arn:(aws[a-zA-Z-]*):lambda:([a-z]{2}(-[a-z]+)+-[0-9]+):([0-9]{12}):function:([a-zA-Z0-9_-]{1,64})(:([a-zA-Z0-9$_-]{1,128}))?$</c>
    /// matches (Lambda's own patterns: names up to 64, qualifiers up to 128; <c>$</c> also before one final
    /// <c>\n</c>), checked by hand: the Lambda host parses its own ARN on the first invocation, and a regular
    /// expression there cost the cold start the load and first run of the regex engine. A test compares the
    /// two.</remarks>
    public static Result<LambdaFunctionArn, string> Parse(string? arn)
    {
        ReadOnlySpan<char> rest = arn is null ? default : arn.EndsWith('\n') ? arn.AsSpan(0, arn.Length - 1) : arn.AsSpan();
        if (arn is null
            || !TakeField(ref rest, out ReadOnlySpan<char> prefix) || !prefix.SequenceEqual("arn")
            || !TakeField(ref rest, out ReadOnlySpan<char> partition) || !IsPartition(partition)
            || !TakeField(ref rest, out ReadOnlySpan<char> service) || !service.SequenceEqual("lambda")
            || !TakeField(ref rest, out ReadOnlySpan<char> region) || !IsRegion(region)
            || !TakeField(ref rest, out ReadOnlySpan<char> account) || account.Length != 12 || !IsAll(account, CharClass.Digits)
            || !TakeField(ref rest, out ReadOnlySpan<char> resource) || !resource.SequenceEqual("function"))
        {
            return Result<LambdaFunctionArn, string>.Failure($"\"{arn}\" is not a Lambda function ARN");
        }

        int colon = rest.IndexOf(':');
        bool qualified = colon >= 0;
        ReadOnlySpan<char> name = qualified ? rest[..colon] : rest;
        ReadOnlySpan<char> qualifier = qualified ? rest[(colon + 1)..] : default;

        if (name.Length is < 1 or > 64 || !IsAll(name, CharClass.Name)
            || (qualified && (qualifier.Length is < 1 or > 128 || !IsAll(qualifier, CharClass.Qualifier))))
        {
            return Result<LambdaFunctionArn, string>.Failure($"\"{arn}\" is not a Lambda function ARN");
        }

        return Result<LambdaFunctionArn, string>.Success(new LambdaFunctionArn(
            partition.ToString(), region.ToString(), account.ToString(), name.ToString(), qualified ? qualifier.ToString() : null));
    }

    /// <summary>The same function with another (or no) qualifier.</summary>
    public LambdaFunctionArn WithQualifier(string? qualifier) => this with { Qualifier = qualifier };

    private enum CharClass
    {
        Digits,
        Name,
        Qualifier,
    }

    private static bool TakeField(ref ReadOnlySpan<char> rest, out ReadOnlySpan<char> field)
    {
        int colon = rest.IndexOf(':');
        if (colon < 0)
        {
            field = default;
            return false;
        }

        field = rest[..colon];
        rest = rest[(colon + 1)..];
        return true;
    }

    // aws[a-zA-Z-]*
    private static bool IsPartition(ReadOnlySpan<char> partition)
    {
        if (!partition.StartsWith("aws"))
        {
            return false;
        }

        foreach (char c in partition[3..])
        {
            if (!char.IsAsciiLetter(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }

    // [a-z]{2}(-[a-z]+)+-[0-9]+ : two letters, one or more '-'-led runs of letters, then '-' and digits.
    private static bool IsRegion(ReadOnlySpan<char> region)
    {
        if (region.Length < 2 || !char.IsAsciiLetterLower(region[0]) || !char.IsAsciiLetterLower(region[1]))
        {
            return false;
        }

        ReadOnlySpan<char> rest = region[2..];
        int runs = 0;
        while (rest.Length >= 2 && rest[0] == '-' && char.IsAsciiLetterLower(rest[1]))
        {
            int end = 1;
            while (end < rest.Length && char.IsAsciiLetterLower(rest[end]))
            {
                end++;
            }

            rest = rest[end..];
            runs++;
        }

        return runs >= 1 && rest.Length >= 2 && rest[0] == '-' && IsAll(rest[1..], CharClass.Digits);
    }

    private static bool IsAll(ReadOnlySpan<char> text, CharClass kind)
    {
        foreach (char c in text)
        {
            bool allowed = kind switch
            {
                CharClass.Digits => char.IsAsciiDigit(c),
                CharClass.Name => char.IsAsciiLetterOrDigit(c) || c is '_' or '-',
                _ => char.IsAsciiLetterOrDigit(c) || c is '$' or '_' or '-',
            };
            if (!allowed)
            {
                return false;
            }
        }

        return true;
    }
}
