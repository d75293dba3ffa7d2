using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using Remediator.Core.Policy;

namespace Remediator.Core.Tests.Policy;

public partial class LambdaFunctionArnTests
{
    [Theory]
    [InlineData("arn:aws:lambda:us-east-1:111122223333:function:pets", "aws", "us-east-1", "pets", null)]
    [InlineData("arn:aws:lambda:us-east-1:111122223333:function:pets:prod", "aws", "us-east-1", "pets", "prod")]
    [InlineData("arn:aws:lambda:us-east-1:111122223333:function:pets:7", "aws", "us-east-1", "pets", "7")]
    [InlineData("arn:aws:lambda:us-east-1:111122223333:function:pets:$LATEST", "aws", "us-east-1", "pets", "$LATEST")]
    [InlineData("arn:aws-cn:lambda:cn-north-1:111122223333:function:my_fn-2", "aws-cn", "cn-north-1", "my_fn-2", null)]
    [InlineData("arn:aws-us-gov:lambda:us-gov-west-1:111122223333:function:f", "aws-us-gov", "us-gov-west-1", "f", null)]
    public void Parse_FunctionArn_SplitsParts(string arn, string partition, string region, string name, string? qualifier)
    {
        var result = LambdaFunctionArn.Parse(arn);

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal(new LambdaFunctionArn(partition, region, "111122223333", name, qualifier), result.Value);
        Assert.Equal(arn, result.Value.Arn);
        Assert.Equal(arn, result.Value.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("pets")]
    [InlineData("111122223333:function:pets")]
    [InlineData("arn:aws:lambda:us-east-1:111122223333:function:*")]
    [InlineData("arn:aws:lambda:us-east-1:*:function:pets")]
    [InlineData("arn:aws:lambda:us-east-1:111122223333:function:pets:prod:extra")]
    [InlineData("arn:aws:lambda:us-east-1:111122223333:function:pets:pr*d")]
    [InlineData("arn:aws:lambda:us-east-1:111122223333:layer:pets")]
    [InlineData("arn:aws:s3:us-east-1:111122223333:function:pets")]
    [InlineData("arn:aws:lambda:us-east-1:111122223333:function:pets ")]
    public void Parse_NotAFunctionArn_IsAFailureValue(string? arn) =>
        Assert.False(LambdaFunctionArn.Parse(arn).IsSuccess);

    [Fact]
    public void WithQualifier_ChangesOnlyTheQualifier()
    {
        var function = LambdaFunctionArn.Parse("arn:aws:lambda:us-east-1:111122223333:function:pets:prod").Value!;

        Assert.Equal("arn:aws:lambda:us-east-1:111122223333:function:pets", function.WithQualifier(null).Arn);
        Assert.Equal("arn:aws:lambda:us-east-1:111122223333:function:pets:blue", function.WithQualifier("blue").Arn);
        Assert.Equal("arn:aws:lambda:us-east-1:111122223333:function:pets", function.UnqualifiedArn);
    }

    private static readonly string[] Pieces =
    [
        "arn", "aws", "aws-cn", "aws-us-gov", "awsX", "aws-", "lambda", "Lambda", "us-east-1", "us-gov-west-1", "us-east-12",
        "us-1", "u-east-1", "us-east-\u0663", "111122223333", "11112222333", "function", "layer", "pets", "my_fn-2", "$LATEST",
        "prod", "pr*d", "7", "", "\n", " ", new string('f', 64), new string('f', 65), new string('q', 128), new string('q', 129),
    ];

    [Theory]
    [InlineData("arn:aws:lambda:us-east-1:111122223333:function:pets\n")]
    [InlineData("arn:aws:lambda:us-east-1:111122223333:function:pets:prod\n")]
    [InlineData("arn:aws:lambda:us-east-1:111122223333:function:pets\n\n")]
    [InlineData("arn:aws:lambda:us-east-1:111122223333:function:pets:")]
    [InlineData("arn:awsX-y:lambda:us-east-1:111122223333:function:pets")]
    [InlineData("arn:aws:lambda:us-east-\u0663:111122223333:function:pets")]
    public void Parse_EdgeCases_AgreeWithLambdasPattern(string arn) => Assert.True(AgreesWithPattern(arn));

    [Fact]
    public void Parse_AnyArnLikeText_AgreesWithLambdasPattern()
    {
        Gen<string> joined = Gen.Elements(Pieces).ArrayOf().Select(parts => string.Join(":", parts));
        Gen<string> valid = Gen.Elements(Pieces).ArrayOf(4).Select(p => $"arn:{p[0]}:lambda:{p[1]}:111122223333:function:{p[2]}:{p[3]}");
        Gen<string> noise = Gen.Elements("arn:aws-lambda:us-east-1$_*\n\u0663".ToCharArray()).ArrayOf().Select(c => new string(c));
        Prop.ForAll(Gen.OneOf(joined, valid, noise).ToArbitrary(), arn => AgreesWithPattern(arn))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(3000));
    }

    // The pattern Parse used before it was written by hand (kept here as the oracle).
    private static bool AgreesWithPattern(string arn)
    {
        Match match = FunctionArnPattern().Match(arn);
        var parsed = LambdaFunctionArn.Parse(arn);
        if (!match.Success)
        {
            return !parsed.IsSuccess;
        }

        Group qualifier = match.Groups["qualifier"];
        return parsed.IsSuccess && parsed.Value == new LambdaFunctionArn(
            match.Groups["partition"].Value, match.Groups["region"].Value, match.Groups["account"].Value,
            match.Groups["name"].Value, qualifier.Success ? qualifier.Value : null);
    }

    [GeneratedRegex(@"^arn:(?<partition>aws[a-zA-Z-]*):lambda:(?<region>[a-z]{2}(-[a-z]+)+-[0-9]+):(?<account>[0-9]{12}):function:(?<name>[a-zA-Z0-9_-]{1,64})(:(?<qualifier>[a-zA-Z0-9$_-]{1,128}))?$")]
    private static partial Regex FunctionArnPattern();
}
