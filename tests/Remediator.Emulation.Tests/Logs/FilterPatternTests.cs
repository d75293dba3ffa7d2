using FsCheck;
using FsCheck.Fluent;
using Remediator.Emulation.Logs;

namespace Remediator.Emulation.Tests.Logs;

public class FilterPatternTests
{
    private const string JsonEvent =
        """{"eventType":"UpdateTrail","sourceIPAddress":"123.123.0.7","arrayKey":["value","other"],"objectList":[{"id":1},{"id":2}],"SomeObject":null,"ThisFlag":true,"OtherFlag":false,"bandwidth":80,"latency":40.5,"status":"500","user":{"id":2},"users":[{"email":"John.Doe@example.com"}],"actions":["PUT","POST","GET"],"message":"Lambda permission denied"}""";

    public static TheoryData<string, string, bool> UnstructuredCases => new()
    {
        // Empty pattern: everything matches.
        { "", "[ERROR 400] BAD REQUEST", true },
        { "   ", "", true },
        // A single term; case-sensitive.
        { "ERROR", "[ERROR 400] BAD REQUEST", true },
        { "error", "[ERROR 400] BAD REQUEST", false },
        { "ERROR", "[INFO 200] OK", false },
        // Several terms: all must appear, in any order.
        { "ERROR ARGUMENTS", "[ERROR 419] MISSING ARGUMENTS", true },
        { "ARGUMENTS ERROR", "[ERROR 419] MISSING ARGUMENTS", true },
        { "ERROR ARGUMENTS", "[ERROR 400] BAD REQUEST", false },
        // ?term: at least one alternative.
        { "?ERROR ?ARGUMENTS", "[ERROR 400] BAD REQUEST", true },
        { "?ERROR ?ARGUMENTS", "ARGUMENTS IS THE ONLY KEYWORD", true },
        { "?ERROR ?ARGUMENTS", "[INFO 200] OK", false },
        // -term: exclusion.
        { "ERROR -ARGUMENTS", "[ERROR 401] UNAUTHORIZED REQUEST", true },
        { "ERROR -ARGUMENTS", "[ERROR 420] INVALID ARGUMENTS", false },
        { "-ERROR", "[INFO 200] OK", true },
        { "-\"Method completed with status: 200\"", "Method completed with status: 200", false },
        { "-\"Method completed with status: 200\"", "Method completed with status: 502", true },
        // Quoted phrases match exactly, including spaces and symbols.
        { "\"INTERNAL SERVER ERROR\"", "[ERROR 500] INTERNAL SERVER ERROR", true },
        { "\"INTERNAL SERVER ERROR\"", "[ERROR 500] INTERNAL SERVER", false },
        { "\"Cloud watch\"", "Cloud logs watch", false },
        { "Cloud watch", "Cloud logs watch", true },
        { "\"[ERROR 401]\"", "[ERROR 401] UNAUTHORIZED REQUEST", true },
        { "\"say \\\"hi\\\"\"", "they say \"hi\" here", true },
        { "?\"status: 500\" ?\"status: 502\"", "(abc) Method completed with status: 502", true },
        { "?\"status: 500\" ?\"status: 502\"", "(abc) Method completed with status: 200", false },
        // Regex terms between percent signs search anywhere in the message.
        { "%AUTHORIZED%", "[ERROR 401] UNAUTHORIZED REQUEST", true },
        { "%^\\[SUCCESS%", "[SUCCESS 200] AUTHORIZED REQUEST", true },
        { "%^\\[SUCCESS%", "[ERROR 401] UNAUTHORIZED REQUEST", false },
        { "%status:5[0-9]+%", "status:503", true },
        { "%gray|grey%", "a grey cat", true },
    };

    public static TheoryData<string, string, bool> JsonCases => new()
    {
        { "{ $.eventType = \"UpdateTrail\" }", JsonEvent, true },
        { "{ $.eventType = UpdateTrail }", JsonEvent, true },
        { "{ $.eventType = \"updatetrail\" }", JsonEvent, false },
        { "{ $.eventType = \"Update*\" }", JsonEvent, true },
        { "{ $.eventType = \"*Trail\" }", JsonEvent, true },
        { "{ $.eventType = \"U*e*l\" }", JsonEvent, true },
        { "{ $.eventType = \"Delete*\" }", JsonEvent, false },
        { "{ $.eventType != \"DeleteTrail\" }", JsonEvent, true },
        { "{ $.sourceIPAddress != 123.123.* }", JsonEvent, false },
        { "{ $.sourceIPAddress = 123.123.* }", JsonEvent, true },
        { "{ $.arrayKey[0] = \"value\" }", JsonEvent, true },
        { "{ $.arrayKey[1] = \"value\" }", JsonEvent, false },
        { "{ $.arrayKey[5] = \"value\" }", JsonEvent, false },
        { "{ $.objectList[1].id = 2 }", JsonEvent, true },
        { "{ $.objectList[0].id = 2 }", JsonEvent, false },
        { "{ $.SomeObject IS NULL }", JsonEvent, true },
        { "{ $.eventType IS NULL }", JsonEvent, false },
        { "{ $.Missing IS NULL }", JsonEvent, false },
        { "{ $.Missing NOT EXISTS }", JsonEvent, true },
        { "{ $.SomeObject NOT EXISTS }", JsonEvent, false },
        { "{ $.ThisFlag IS TRUE }", JsonEvent, true },
        { "{ $.OtherFlag IS FALSE }", JsonEvent, true },
        { "{ $.OtherFlag IS TRUE }", JsonEvent, false },
        { "{ $.bandwidth > 75 }", JsonEvent, true },
        { "{ $.bandwidth < 75 }", JsonEvent, false },
        { "{ $.bandwidth >= 80 }", JsonEvent, true },
        { "{ $.bandwidth <= 79.9 }", JsonEvent, false },
        { "{ $.latency < 50 }", JsonEvent, true },
        { "{ $.bandwidth = 8e1 }", JsonEvent, true },
        { "{ $.bandwidth != 80 }", JsonEvent, false },
        // A quoted number in the event equals the same spelling; it does not take part in < and >.
        { "{ $.status = 500 }", JsonEvent, true },
        { "{ $.status >= 500 }", JsonEvent, false },
        // A missing field satisfies no comparison, not even !=.
        { "{ $.Missing != \"x\" }", JsonEvent, false },
        { "{ $.user.id = 2 && $.users[0].email = \"John.Doe@example.com\" }", JsonEvent, true },
        { "{ ($.user.id = 3 && $.users[0].email = \"John.Doe@example.com\") || $.actions[2] = \"GET\" }", JsonEvent, true },
        { "{ ($.user.id = 3 && $.users[0].email = \"John.Doe@example.com\") || $.actions[2] = \"PUT\" }", JsonEvent, false },
        { "{ $.user.id = 2 && ($.bandwidth < 10 || $.ThisFlag IS TRUE) }", JsonEvent, true },
        { "{ $.message = %permission% }", JsonEvent, true },
        { "{ $.message != %permission% }", JsonEvent, false },
        // JSON patterns only ever match events that are JSON.
        { "{ $.eventType = \"UpdateTrail\" }", "(abc) eventType UpdateTrail", false },
        { "{ $.eventType = \"UpdateTrail\" }", "{\"eventType\":\"UpdateTrail\"", false },
        { "{ $.eventType = \"UpdateTrail\" }", "  {\"eventType\" : \"UpdateTrail\"}", true },
    };

    public static TheoryData<string> InvalidPatterns => new()
    {
        "\"unterminated",
        "?",
        "ERROR -",
        "ab\"c\"",
        "\"a\"b",
        "%unterminated",
        "%a(b)%",
        "%a b%",
        "%%",
        "[w1, w2=ERROR]",
        "{ $.a = }",
        "{ $.a > \"x\" }",
        "{ $.a < abc }",
        "{ $.a = 1",
        "{ a = 1 }",
        "{ $ = 1 }",
        "{ $.a[x] = 1 }",
        "{ $.a[-1] = 1 }",
        "{ $.a IS MAYBE }",
        "{ $.a NOT THERE }",
        "{ $.a = 1 & $.b = 2 }",
        "{ $.a = 1 } trailing",
        "{ ($.a = 1 }",
        "{ $.a ! 1 }",
    };

    [Theory]
    [MemberData(nameof(UnstructuredCases))]
    public void Matches_UnstructuredPattern_FollowsCloudWatchTermRules(string pattern, string message, bool expected)
    {
        Assert.Equal(expected, FilterPattern.Parse(pattern).Matches(message));
    }

    [Theory]
    [MemberData(nameof(JsonCases))]
    public void Matches_JsonPattern_EvaluatesSelectorsAndOperators(string pattern, string message, bool expected)
    {
        var parsed = FilterPattern.Parse(pattern);

        Assert.Equal(FilterPatternKind.Json, parsed.Kind);
        Assert.Equal(expected, parsed.Matches(message));
    }

    [Theory]
    [MemberData(nameof(InvalidPatterns))]
    public void Parse_InvalidPattern_ThrowsWithPosition(string pattern)
    {
        var ex = Assert.Throws<FilterPatternException>(() => FilterPattern.Parse(pattern));

        Assert.InRange(ex.Position, 0, pattern.Length);
        Assert.StartsWith("Invalid filter pattern", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(InvalidPatterns))]
    public void TryParse_InvalidPattern_ReturnsReason(string pattern)
    {
        Assert.False(FilterPattern.TryParse(pattern, out var result, out var error));
        Assert.Null(result);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Theory]
    [InlineData(null, FilterPatternKind.MatchAll)]
    [InlineData("", FilterPatternKind.MatchAll)]
    [InlineData("ERROR", FilterPatternKind.Terms)]
    [InlineData("{ $.a = 1 }", FilterPatternKind.Json)]
    public void TryParse_ValidPattern_ReportsKindAndKeepsText(string? pattern, FilterPatternKind kind)
    {
        Assert.True(FilterPattern.TryParse(pattern, out var result, out var error));
        Assert.Null(error);
        Assert.Equal(kind, result.Kind);
        Assert.Equal(pattern ?? string.Empty, result.Text);
    }

    [Fact]
    public void Matches_QuotedTermOfAnyText_MatchesExactlyTheMessagesContainingIt()
    {
        Prop.ForAll<NonEmptyString, string, string>((term, before, after) =>
        {
            var text = term.Get;
            var pattern = FilterPattern.Parse(Quote(text));
            var negated = FilterPattern.Parse("-" + Quote(text));
            var message = (before ?? string.Empty) + text + (after ?? string.Empty);
            var other = before ?? string.Empty;

            return pattern.Matches(message)
                && !negated.Matches(message)
                && pattern.Matches(other) == other.Contains(text, StringComparison.Ordinal)
                && negated.Matches(other) != pattern.Matches(other);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Matches_JsonStringEquality_MatchesTheFieldValueExactly()
    {
        Prop.ForAll<string, string>((expected, actual) =>
        {
            var wanted = (expected ?? string.Empty).Replace("*", string.Empty, StringComparison.Ordinal);
            var value = actual ?? string.Empty;
            var pattern = FilterPattern.Parse("{ $.f = " + Quote(wanted) + " }");
            var message = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["f"] = value });

            return pattern.Matches(message) == string.Equals(wanted, value, StringComparison.Ordinal);
        }).QuickCheckThrowOnFailure();
    }

    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
