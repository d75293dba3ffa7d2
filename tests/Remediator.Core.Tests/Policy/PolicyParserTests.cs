using FsCheck;
using FsCheck.Fluent;
using Remediator.Core.Policy;

namespace Remediator.Core.Tests.Policy;

public class PolicyParserTests
{
    [Fact]
    public void Parse_LambdaSamplePolicy_ReadsEveryElement()
    {
        var policy = PolicyFixtures.LoadParsed("lambda-sample-apigateway.json");

        Assert.Equal("2012-10-17", policy.Version);
        Assert.Equal("default", policy.Id);
        var statement = Assert.Single(policy.Statements);
        Assert.Equal("nodejs-apig-functiongetEndpointPermissionProd-BWDBXMPLXE2F", statement.Sid);
        Assert.Equal(PolicyEffect.Allow, statement.Effect);
        Assert.Equal(new PrincipalEntry("Service", "apigateway.amazonaws.com"), Assert.Single(statement.Principal!.Entries));
        Assert.False(statement.Principal.IsNegated);
        Assert.Equal(["lambda:InvokeFunction"], statement.Action.Patterns);
        Assert.Equal(["arn:aws:lambda:us-east-2:111122223333:function:nodejs-apig-function-1G3MXMPLXVXYI"], statement.Resource!.Patterns);
        Assert.Equal(
            [
                new ConditionClause("StringEquals", "aws:SourceAccount", ["111122223333"]),
                new ConditionClause("ArnLike", "aws:SourceArn", ["arn:aws:execute-api:us-east-2:111122223333:ktyvxmpls1/*/GET/"]),
            ],
            statement.Conditions,
            new ClauseComparer());
    }

    [Fact]
    public void Parse_StatementAsSingleObject_IsOneStatement()
    {
        var policy = PolicyFixtures.Parse("""{"Version":"2012-10-17","Statement":{"Effect":"Deny","Principal":"*","Action":"*","Resource":"*"}}""");

        var statement = Assert.Single(policy.Statements);
        Assert.Equal(PolicyEffect.Deny, statement.Effect);
        Assert.True(statement.Principal!.IsWildcard);
        Assert.Null(statement.Sid);
        Assert.Equal("#0", statement.Reference);
    }

    [Fact]
    public void Parse_ListsAndNegatedElements_KeepsEveryValue()
    {
        var policy = PolicyFixtures.Parse(PolicyFixtures.PolicyOf(
            """{"Sid":"a","Effect":"Allow","NotPrincipal":{"Service":["s3.amazonaws.com","sns.amazonaws.com"],"AWS":"111122223333"},"NotAction":["lambda:GetPolicy","lambda:Delete*"],"NotResource":["arn:aws:lambda:*:*:function:x","arn:aws:lambda:*:*:function:y"],"Condition":{"Null":{"aws:SourceArn":false},"NumericLessThan":{"k":[1,2.5]}}}"""));

        var statement = Assert.Single(policy.Statements);
        Assert.True(statement.Principal!.IsNegated);
        Assert.Equal(3, statement.Principal.Entries.Count);
        Assert.True(statement.Action.IsNegated);
        Assert.Equal(2, statement.Action.Patterns.Count);
        Assert.True(statement.Resource!.IsNegated);
        Assert.Equal(["false"], statement.Conditions[0].Values);
        Assert.Equal(["1", "2.5"], statement.Conditions[1].Values);
    }

    [Fact]
    public void Parse_NoPrincipalOrResource_IsAcceptedAndLeftToEvaluation()
    {
        var policy = PolicyFixtures.Parse("""{"Statement":[{"Effect":"Allow","Action":"lambda:InvokeFunction"}]}""");

        Assert.Null(policy.Version);
        Assert.Null(policy.Statements[0].Principal);
        Assert.Null(policy.Statements[0].Resource);
    }

    [Fact]
    public void FindStatement_BySid_IsCaseSensitive()
    {
        var policy = PolicyFixtures.LoadParsed("apigateway-permissions.json");

        Assert.Equal(4, policy.FindStatement("authorizer")!.Index);
        Assert.Null(policy.FindStatement("AUTHORIZER"));
    }

    [Theory]
    [InlineData(null, "empty")]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("not json", "not valid JSON")]
    [InlineData("{\"Statement\":[]", "not valid JSON")]
    [InlineData("[]", "not a JSON object")]
    [InlineData("{\"Version\":\"2012-10-17\"}", "no Statement")]
    [InlineData("{\"Statement\":[]}", "non-empty array")]
    [InlineData("{\"Statement\":\"x\"}", "non-empty array")]
    [InlineData("{\"Version\":\"2020-01-01\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\"}}", "unsupported policy Version")]
    [InlineData("{\"Version\":1,\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\"}}", "unsupported policy Version")]
    [InlineData("{\"Id\":[],\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\"}}", "Id is not a string")]
    [InlineData("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\"},\"Extra\":1}", "unknown element \"Extra\"")]
    [InlineData("{\"Statement\":[1]}", "not a JSON object")]
    [InlineData("{\"Statement\":{\"Action\":\"*\"}}", "no Effect")]
    [InlineData("{\"Statement\":{\"Effect\":\"allow\",\"Action\":\"*\"}}", "neither \"Allow\" nor \"Deny\"")]
    [InlineData("{\"Statement\":{\"Effect\":\"Allow\"}}", "neither Action nor NotAction")]
    [InlineData("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"NotAction\":\"*\"}}", "both Action and NotAction")]
    [InlineData("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":[]}}", "non-empty array")]
    [InlineData("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":[\"a\",1]}}", "not a string")]
    [InlineData("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":true}}", "neither a string")]
    [InlineData("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Principal\":\"apigateway.amazonaws.com\"}}", "other than \"*\"")]
    [InlineData("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Principal\":{}}}", "empty object")]
    [InlineData("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Principal\":{\"Services\":\"x\"}}}", "unknown element \"Services\"")]
    [InlineData("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Principal\":\"*\",\"NotPrincipal\":\"*\"}}", "both Principal and NotPrincipal")]
    [InlineData("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"NotResource\":\"*\"}}", "both Resource and NotResource")]
    [InlineData("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Condition\":[]}}", "Condition is not an object")]
    [InlineData("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Condition\":{\"StringEquals\":\"x\"}}}", "is not an object")]
    [InlineData("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Condition\":{\"StringEquals\":{\"k\":{}}}}}", "neither a string")]
    [InlineData("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Condition\":{\"StringEquals\":{\"k\":null}}}}", "neither a string")]
    [InlineData("{\"Statement\":{\"Effect\":\"Allow\",\"Effect\":\"Deny\",\"Action\":\"*\"}}", "repeats \"Effect\"")]
    [InlineData("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Condition\":{\"ArnLike\":{\"k\":\"a\"},\"ArnLike\":{\"k\":\"b\"}}}}", "repeats \"ArnLike\"")]
    [InlineData("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Condition\":{\"ArnLike\":{\"k\":\"a\",\"k\":\"b\"}}}}", "repeats \"k\"")]
    [InlineData("{\"Statement\":{\"effect\":\"Allow\",\"Action\":\"*\"}}", "unknown element \"effect\"")]
    [InlineData("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\"},}", "not valid JSON")]
    [InlineData("{/* c */\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\"}}", "not valid JSON")]
    public void Parse_MalformedPolicy_IsAFailureValue(string? json, string expectedFragment)
    {
        var result = PolicyParser.Parse(json);

        Assert.False(result.IsSuccess);
        Assert.Null(result.Value);
        Assert.Contains(expectedFragment, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TooLarge_IsRefusedBeforeParsing()
    {
        var json = PolicyFixtures.PolicyOf(Enumerable.Repeat(
            """{"Effect":"Allow","Principal":"*","Action":"lambda:InvokeFunction","Resource":"*"}""", 1000).ToArray());

        var result = PolicyParser.Parse(json);

        Assert.False(result.IsSuccess);
        Assert.Contains("over the", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LoneSurrogateInText_IsAFailureValueNotAnException()
    {
        // Regression: JsonDocument threw ArgumentException (cannot transcode to UTF-8) past the parser.
        // Built in code: test-case serialization would replace the lone surrogate.
        var json = "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"" + '\uD800' + "\"}}";

        var result = PolicyParser.Parse(json);

        Assert.False(result.IsSuccess);
        Assert.Contains("not valid text", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    // Regression: an escaped lone surrogate parsed, then GetString threw InvalidOperationException.
    [InlineData("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"\\uD800\"}}")]
    [InlineData("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Condition\":{\"StringEquals\":{\"\\uDC00\":\"x\"}}}}")]
    public void Parse_EscapedLoneSurrogate_IsAFailureValueNotAnException(string json)
    {
        var result = PolicyParser.Parse(json);

        Assert.False(result.IsSuccess);
        Assert.Contains("invalid string", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DeeplyNestedJson_IsAFailureValueNotAnException()
    {
        var json = "{\"Statement\":" + new string('[', 100) + new string(']', 100) + "}";

        Assert.False(PolicyParser.Parse(json).IsSuccess);
    }

    [Fact]
    public void Parse_ArbitraryText_NeverThrows()
    {
        // Mutations of a real policy hit far more parser paths than uniformly random strings.
        var seed = PolicyFixtures.Load("apigateway-permissions.json");
        var mutated = Gen.Choose(0, seed.Length - 1).SelectMany(
            at => Gen.Choose(0, 40).SelectMany(
                cut => Gen.Elements("", "\"", "{", "}", "[", "]", ",", ":", "1", "null", "\"x\"", "true", "\uD800", "\\uDC00")
                    .Select(insert => string.Concat(seed.AsSpan(0, at), insert, seed.AsSpan(Math.Min(seed.Length, at + cut))))));
        var anyText = Gen.OneOf(mutated, ArbMap.Default.GeneratorFor<string>());

        Prop.ForAll(anyText.ToArbitrary(), text =>
        {
            var result = PolicyParser.Parse(text);
            return result.IsSuccess ^ result.Error is not null;
        }).QuickCheckThrowOnFailure();
    }

    private sealed class ClauseComparer : IEqualityComparer<ConditionClause>
    {
        public bool Equals(ConditionClause? x, ConditionClause? y) =>
            x is not null && y is not null && x.Operator == y.Operator && x.Key == y.Key && x.Values.SequenceEqual(y.Values);

        public int GetHashCode(ConditionClause obj) => HashCode.Combine(obj.Operator, obj.Key);
    }
}
