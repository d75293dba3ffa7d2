using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using Remediator.Core.Configuration;

namespace Remediator.Core.Tests.Configuration;

/// <summary>Each hand-written shape accepts exactly what the regular expression it replaced matches.</summary>
public partial class SettingShapesTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(2000);

    // Characters that matter to the patterns, and some that only look like they might: Unicode digits,
    // case variants (U+017F, U+212A, U+0130), separators, a final newline, letters of other scripts.
    private const string Alphabet = "arnwsAWSsnfioc-:._/=+@* 0123456789\n\r\tzZqé中\u0663\u017F\u212A\u0130$!";

    private static readonly string[] Pieces =
    [
        "arn", "aws", "aws-cn", "aws-us-gov", "aws-", "sns", "sqs", "us-east-1", "eu-west-3", "us-gov-west-1", "u-east-1",
        "us-east-12", "us-1", "us-east-\u0663", "123456789012", "12345678901", "\u0663\u0663\u0663\u0663\u0663\u0663\u0663\u0663\u0663\u0663\u0663\u0663",
        "topic", "ops.fifo", ".fifo", "a_b-c", "", ":", "\n", "aws:", "AWS:", "aw\u017F:", "Aws:x", "team", "no-heal", "*", "orders-*",
    ];

    public static TheoryData<string> Examples => new()
    {
        "arn:aws:sns:us-east-1:123456789012:remediator",
        "arn:aws-us-gov:sns:us-gov-west-1:123456789012:alerts_1",
        "arn:aws-cn:sns:cn-north-1:123456789012:ops.fifo",
        "arn:aws:sns:us-east-1:123456789012:remediator\n",
        "arn:aws:sns:us-east-1:123456789012:remediator\n\n",
        "arn:aws:sns:us-east-\u0663:\u0663\u0663\u0663\u0663\u0663\u0663\u0663\u0663\u0663\u0663\u0663\u0663:t",
        "arn:aws:sns:us-east-1:123456789012:.fifo",
        "arn:aws:sns:us-east-1:123456789012:a:b",
        "arn:aws-:sns:us-east-1:123456789012:t",
        "arn:aws:sns:us--east-1:123456789012:t",
        "arn:aws:sns:us-1:123456789012:t",
        "abc", "ab", "a.b_c-1", "my table", "remediator:exempt", "Team Owner/no-heal@x=1+2", "aws:exempt", "AWS:x",
        "Aws:x", "aw\u017F:x", "\u212Aey", "\u0130d", "bad!tag", "orders-*", "prod?", "a\n", "\n", "",
        new string('a', 128), new string('a', 129), new string('b', 140), new string('b', 141), new string('c', 255), new string('c', 256),
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Shapes_Examples_AgreeWithTheirPatterns(string value) => AssertAgree(value);

    [Fact]
    public void Shapes_RandomText_AgreeWithTheirPatterns()
    {
        Gen<string> text = Gen.Elements(Alphabet.ToCharArray()).ArrayOf().Select(chars => new string(chars));
        Prop.ForAll(text.ToArbitrary(), value => Agree(value)).Check(Config);
    }

    [Fact]
    public void Shapes_NearlyValidArns_AgreeWithTheirPatterns()
    {
        Gen<string> arn = Gen.Elements(Pieces).ArrayOf().Select(parts => string.Join(":", parts))
            .Select(joined => "arn:" + joined);
        Gen<string> glued = Gen.Elements(Pieces).ArrayOf().Select(parts => string.Concat(parts));
        Prop.ForAll(Gen.OneOf(arn, glued).ToArbitrary(), value => Agree(value)).Check(Config);
    }

    private static bool Agree(string value) =>
        SettingShapes.IsSnsTopicArn(value) == SnsTopicArn().IsMatch(value)
        && SettingShapes.IsDynamoDbTableName(value) == DynamoDbTableName().IsMatch(value)
        && SettingShapes.IsTagKey(value) == TagKey().IsMatch(value)
        && SettingShapes.IsFunctionNamePattern(value) == FunctionNamePattern().IsMatch(value);

    private static void AssertAgree(string value)
    {
        Assert.Equal(SnsTopicArn().IsMatch(value), SettingShapes.IsSnsTopicArn(value));
        Assert.Equal(DynamoDbTableName().IsMatch(value), SettingShapes.IsDynamoDbTableName(value));
        Assert.Equal(TagKey().IsMatch(value), SettingShapes.IsTagKey(value));
        Assert.Equal(FunctionNamePattern().IsMatch(value), SettingShapes.IsFunctionNamePattern(value));
    }

    // The patterns the settings were validated with before (kept here as the oracle).
    [GeneratedRegex(@"^arn:aws(-[a-z]+)*:sns:[a-z]{2}(-[a-z]+)+-\d:\d{12}:[A-Za-z0-9_-]{1,256}(\.fifo)?$")]
    private static partial Regex SnsTopicArn();

    [GeneratedRegex(@"^[A-Za-z0-9_.-]{3,255}$")]
    private static partial Regex DynamoDbTableName();

    [GeneratedRegex(@"^(?!aws:)[\p{L}\p{N} _.:/=+@-]{1,128}$", RegexOptions.IgnoreCase)]
    private static partial Regex TagKey();

    [GeneratedRegex(@"^[A-Za-z0-9_*-]{1,140}$")]
    private static partial Regex FunctionNamePattern();
}
