using FsCheck;
using FsCheck.Fluent;
using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Engine;
using Remediator.Core.Notifications;
using Remediator.Core.Policy;
using Remediator.Core.Tests.Support;
using Xunit.Abstractions;
using static Remediator.Core.Tests.Notifications.NotificationOutcomes;

namespace Remediator.Core.Tests.Notifications;

public class NotificationFormatterTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("fixed")]
    [InlineData("recommended")]
    [InlineData("ticket-role")]
    public void Format_MatchesTheGoldenText(string name)
    {
        EngineOutcome outcome = name switch
        {
            "fixed" => Fixed,
            "recommended" => Recommended,
            _ => RoleTicket,
        };

        Notification notification = NotificationFormatter.Format(outcome);

        string actual = $"Subject: {notification.Subject}\n"
            + string.Concat(notification.Attributes.Select(a => $"Attribute {a.Key}: {a.Value}\n"))
            + "\n" + notification.Body;
        string golden = Fixtures.Path($"notifications/{name}.txt");
        if (!File.Exists(golden) || File.ReadAllText(golden) != actual)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
            File.WriteAllText(golden + ".actual", actual);
        }

        Assert.Equal(File.ReadAllText(golden), actual);
    }

    [Fact]
    public void Subject_LongOrHostileValues_StaysUnder100AsciiCharactersOnOneLine()
    {
        EngineOutcome hostile = RoleTicket with
        {
            ApiId = new string('a', 64),
            Stage = "st\nage",
            FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:" + new string('f', 64) + "é",
        };

        string subject = NotificationFormatter.Subject(hostile);

        Assert.True(subject.Length < 100);
        Assert.DoesNotContain('\n', subject);
        Assert.All(subject, c => Assert.InRange(c, ' ', '~'));
        Assert.EndsWith("...", subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Body_LoggedTextWithControlCharacters_StaysOneLinePerEvidenceLine()
    {
        EngineOutcome outcome = Fixed with { Finding = NotificationOutcomes.Finding with { Evidence = ["(id) bad\r\nSubject: forged"] } };

        string body = NotificationFormatter.Body(outcome);

        Assert.Contains("  log: \"(id) bad  Subject: forged\"\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Attributes_OmitAbsentValues()
    {
        EngineOutcome bare = new()
        {
            Outcome = RemediationOutcome.Ticket,
            Reason = OutcomeReason.UnrecognizedFailure,
            Detail = "x",
        };

        Assert.Equal(["outcome", "reason", "severity"], NotificationFormatter.Attributes(bare).Keys);
    }

    [Fact]
    public void Format_OutcomeWithAnOpsItem_NamesItInTheBodyAndTheAttributes()
    {
        Notification notification = NotificationFormatter.Format(Fixed with { OpsItemId = "oi-0a1b2c3d4e5f" });

        Assert.Contains(" OpsCenter OpsItem oi-0a1b2c3d4e5f.\n", notification.Body, StringComparison.Ordinal);
        Assert.Equal("oi-0a1b2c3d4e5f", notification.Attributes[NotificationAttributes.OpsItemId]);
    }

    [Fact]
    public void Format_AnyOutcome_FitsInAnSnsMessage() =>
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(NotificationFormatter.Format(Fixed).Body) < 256 * 1024);

    // Names an attacker who may edit API Gateway chooses, and log text anyone who can call the API chooses.
    [Fact]
    public void Format_HostileNamesAndLogText_LeaveNoControlOrFormatCharacterInAnyLine()
    {
        Notification notification = NotificationFormatter.Format(Hostile);
        output.WriteLine(notification.Body);

        Assert.All(notification.Body.Split('\n'), line => Assert.True(UntrustedTextTests.IsSafe(line), line));
        Assert.All(notification.Subject, c => Assert.InRange(c, ' ', '~'));
        Assert.All(notification.Attributes.Values, value => Assert.True(UntrustedTextTests.IsSafe(value), value));

        // The forged "Remediator:" text stays inside a quote on the line of the log's words, never a line of its own.
        Assert.DoesNotContain(notification.Body.Split('\n'), line => line.StartsWith("Remediator: fixed", StringComparison.Ordinal));
        Assert.Contains("  log: \"(id) pets  Remediator: fixed, nothing to do.   \\\"\"\n", notification.Body, StringComparison.Ordinal);
        Assert.Contains("REST API (\"pets  Remediator: fixed, nothing to do.   \\\"\").", notification.Body, StringComparison.Ordinal);
        Assert.Contains("uses authorizer abc123 (\"authpets  Remediator: fixed", notification.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Body_RequestIdsOfAnotherShape_AreLeftOut()
    {
        string body = NotificationFormatter.Body(Hostile);

        Assert.Contains("Request ids: 7c4e0a9e-3b1f-4d2a-9f6e-1a2b3c4d5e6f\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Attributes_ValuesOfAnotherShape_AreLeftOutNeverPassedThrough()
    {
        EngineOutcome outcome = Fixed with
        {
            ApiId = "a1b2c3d4e5\u202E",
            FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:pets\nhandler",
            AccountId = "1234567890123",
        };

        IReadOnlyDictionary<string, string> attributes = NotificationFormatter.Attributes(outcome);

        Assert.Equal(["kind", "outcome", "reason", "severity"], attributes.Keys);
    }

    [Theory]
    [InlineData("a1b2c3d4e5", "prod\nRemediator: fixed", "Remediator recommends: allow API Gateway to invoke pets-handler:live (a1b2c3d4e5)")]
    [InlineData("a1b2c3\u202Ed4e5", "prod", "Remediator recommends: allow API Gateway to invoke pets-handler:live")]
    [InlineData("a1b2c3d4e5", "prod", "Remediator recommends: allow API Gateway to invoke pets-handler:live (a1b2c3d4e5/prod)")]
    public void Subject_ApiOrStageOfAnotherShape_IsLeftOut(string apiId, string stage, string expected)
    {
        Assert.Equal(expected, NotificationFormatter.Subject(Recommended with { ApiId = apiId, Stage = stage }));
    }

    [Fact]
    public void Format_HugeNamesAndBodies_StayWithinSnsLimitWithAVisibleCut()
    {
        // A 300 KB quoted body, API name and path: each field is cut, and the whole stays within SNS's 256 KB.
        string huge = string.Concat(Enumerable.Repeat("body \"é中\uD83D\uDE00\" ", 300 * 1024 / 16));
        EngineOutcome outcome = Hostile with
        {
            Detail = "the function returned (quoted from the log): " + UntrustedText.Quote(huge, int.MaxValue),
            Finding = NotificationOutcomes.Finding with { Evidence = [.. Enumerable.Repeat(huge, 5)], ResourcePath = huge },
            Verified = [.. Enumerable.Repeat($"API a1b2c3d4e5 is a REST API ({huge}).", 200)],
            StatementJson = huge,
            AddPermissionCommand = huge,
        };

        Notification notification = NotificationFormatter.Format(outcome);

        Assert.InRange(MessageBytes(notification), 1, NotificationLimits.MaxMessageBytes);
        Assert.Contains(UntrustedText.TruncationMarker + "\n", notification.Body, StringComparison.Ordinal);
        // The text goes twice (default and email), so the whole-message cut comes before the list's "more not shown".
        Assert.EndsWith(UntrustedText.TruncationMarker, notification.Body, StringComparison.Ordinal);
        Assert.True(UntrustedTextTests.IsValidUtf16(notification.Body));
    }

    [Fact]
    public void Format_FieldsWithinTheirCapsButTooManyBytesTogether_AreCutAtTheEndOfTheMessage()
    {
        // 50 shown steps of 2048 three-byte characters are 300 KB, and the text is sent twice (default and email): only the
        // whole-message bound keeps this within SNS's limit.
        EngineOutcome outcome = Fixed with { Verified = [.. Enumerable.Repeat(new string('中', 4000), 50)] };

        Notification notification = NotificationFormatter.Format(outcome);

        Assert.InRange(MessageBytes(notification), NotificationLimits.MaxMessageBytes - 16, NotificationLimits.MaxMessageBytes);
        Assert.EndsWith(UntrustedText.TruncationMarker, notification.Body, StringComparison.Ordinal);
    }

    // What SNS counts: the whole per-protocol message, the subject and every attribute's name, type and value.
    private static int MessageBytes(Notification notification) =>
        System.Text.Encoding.UTF8.GetByteCount(notification.ToSnsMessage("topic", NotificationKey.ForSummary("123456789012", "us-east-1", DateTimeOffset.UnixEpoch)).Message) + System.Text.Encoding.UTF8.GetByteCount(notification.Subject)
        + notification.Attributes.Sum(a => System.Text.Encoding.UTF8.GetByteCount(a.Key) + "String".Length + System.Text.Encoding.UTF8.GetByteCount(a.Value));

    [Fact]
    public void Format_AnyHostileValues_KeepsEveryBound()
    {
        Gen<string> text = Gen.OneOf(
            ArbMap.Default.GeneratorFor<string>().Select(t => t ?? string.Empty),
            Gen.Elements("\u202E", "\n", "Remediator: ", "\uD800", "é", "a1b2", "prod", "\"", new string('x', 5000)).ArrayOf().Select(string.Concat));
        Gen<EngineOutcome> outcomes =
            from api in text
            from stage in text
            from name in text
            from line in text
            from detail in text
            from outcome in Gen.Elements(RemediationOutcome.Fixed, RemediationOutcome.Recommended, RemediationOutcome.Ticket)
            select Fixed with
            {
                Outcome = outcome,
                ApiId = api,
                Stage = stage,
                FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:" + name,
                Qualifier = stage,
                Detail = detail,
                LogGroup = name,
                Finding = NotificationOutcomes.Finding with { Evidence = [line, detail], RequestIds = [line], ResourcePath = line, RouteKey = name },
                Verified = [line, name, detail],
            };

        Prop.ForAll(outcomes.ToArbitrary(), outcome =>
        {
            Notification notification = NotificationFormatter.Format(outcome);
            return notification.Subject.Length is > 0 and <= NotificationLimits.MaxSubjectLength
                && notification.Subject.All(c => c is >= ' ' and <= '~')
                && notification.Attributes.Values.All(v => v.Length > 0 && v.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                && System.Text.Encoding.UTF8.GetByteCount(notification.ToSnsMessage("topic", NotificationKey.ForSummary("123456789012", "us-east-1", DateTimeOffset.UnixEpoch)).Message) <= NotificationLimits.MessageBudget(notification.Subject, notification.Attributes)
                && notification.Body.Split('\n').All(UntrustedTextTests.IsSafe);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    [Fact]
    public void FormatSummary_SaysHowManyWereSuppressedAndUntilWhen()
    {
        var summary = new SuppressedNotifications(3, 2, new DateTimeOffset(2025, 3, 14, 9, 0, 0, TimeSpan.Zero), "123456789012", "us-east-1");

        Notification notification = NotificationFormatter.FormatSummary(summary);

        Assert.Equal("Remediator: notification cap reached, 3 suppressed so far this hour", notification.Subject);
        Assert.Equal(
            new Dictionary<string, string> { ["accountId"] = "123456789012", ["outcome"] = "Summary", ["reason"] = "NotificationCapReached", ["severity"] = "info" },
            notification.Attributes);
        Assert.StartsWith("Remediator reached its cap of 2 notification(s) in the hour from 2025-03-14 09:00 UTC (REMEDIATOR_MAX_NOTIFICATIONS_PER_HOUR).\n\n3 notification(s) were suppressed in that hour when this message was sent; any more until 10:00 UTC are suppressed without another message.\n", notification.Body, StringComparison.Ordinal);
        Assert.EndsWith("Account 123456789012, region us-east-1.\n", notification.Body, StringComparison.Ordinal);
    }
}
