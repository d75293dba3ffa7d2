using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Engine;
using Remediator.Core.Notifications;
using Remediator.Core.Tests.Support;

namespace Remediator.Core.Tests.Notifications;

public class NotificationFormatterTests
{
    private const string Pets = "arn:aws:lambda:us-east-1:123456789012:function:pets-handler";
    private const string Sid = "remediator-a1b2c3d4e5-any-GET-pets-any-0123456789abcdef";
    private const string Source = "arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/*/GET/pets/*";

    private static readonly Finding Finding = new(
        FindingKind.MissingInvokePermission,
        ApiType.Rest,
        "a1b2c3d4e5",
        "prod",
        "GET",
        "/pets/42",
        null,
        Pets + ":live",
        ["7c4e0a9e-3b1f-4d2a-9f6e-1a2b3c4d5e6f", "8d5f1b0f-4c2a-4e3b-8a7f-2b3c4d5e6f70"],
        2,
        DateTimeOffset.FromUnixTimeMilliseconds(1763703252013),
        DateTimeOffset.FromUnixTimeMilliseconds(1763703253117),
        ["(7c4e0a9e-3b1f-4d2a-9f6e-1a2b3c4d5e6f) Execution failed due to configuration error: Invalid permissions on Lambda function"]);

    private static readonly EngineOutcome Fixed = new()
    {
        Outcome = RemediationOutcome.Fixed,
        Reason = OutcomeReason.PermissionMissing,
        Detail = $"added statement {Sid} allowing apigateway.amazonaws.com to invoke {Pets}:live from {Source}",
        Finding = Finding,
        AccountId = "123456789012",
        Region = "us-east-1",
        LogGroup = "API-Gateway-Execution-Logs_a1b2c3d4e5/prod",
        ApiType = ApiType.Rest,
        ApiId = "a1b2c3d4e5",
        Stage = "prod",
        HttpMethod = "GET",
        ResourcePath = "/pets/{id}",
        FunctionArn = Pets,
        Qualifier = "live",
        LoggedFunctionArn = Pets + ":live",
        StatementId = Sid,
        SourceArn = Source,
        RequestSourceArn = "arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/GET/pets/42",
        StatementJson = "{\"Sid\":\"" + Sid + "\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"apigateway.amazonaws.com\"},\"Action\":\"lambda:InvokeFunction\",\"Resource\":\"" + Pets + ":live\",\"Condition\":{\"StringEquals\":{\"AWS:SourceAccount\":\"123456789012\"},\"ArnLike\":{\"AWS:SourceArn\":\"" + Source + "\"}}}",
        AddPermissionCommand = $"aws lambda add-permission --function-name {Pets} --statement-id {Sid} --action lambda:InvokeFunction --principal apigateway.amazonaws.com --source-arn '{Source}' --source-account 123456789012 --qualifier live --region us-east-1",
        RemovePermissionCommand = $"aws lambda remove-permission --function-name {Pets} --statement-id {Sid} --qualifier live --region us-east-1",
        Verified =
        [
            "API a1b2c3d4e5 is a REST API (\"pets\").",
            "Stage prod exists.",
            "GET /pets/42 is served by resource /pets/{id}, method GET.",
            "Its integration is of type AWS_PROXY with URI arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/" + Pets + ":${stageVariables.alias}/invocations and no credentials role.",
            "Its URI resolves to function " + Pets + ":live (stage variable alias=live).",
            "Alias live of function pets-handler exists (version 3).",
            "The policy of " + Pets + " for qualifier live has 1 statement(s), none of which allows arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/GET/pets/42.",
            "Function pets-handler is not exempt (no remediator:exempt tag, name and account allowed).",
        ],
    };

    private static readonly EngineOutcome Recommended = Fixed with
    {
        Outcome = RemediationOutcome.Recommended,
        Detail = "recommend mode, nothing written: the policy of " + Pets + " for qualifier live has 1 statement(s), none of which allows arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/GET/pets/42",
        RemovePermissionCommand = null,
    };

    private static readonly EngineOutcome RoleTicket = Fixed with
    {
        Outcome = RemediationOutcome.Ticket,
        Reason = OutcomeReason.RoleBasedIntegration,
        Detail = $"GET /pets/{{id}} invokes {Pets}:live with the IAM role arn:aws:iam::123456789012:role/apigw-invoke: the role's policy must allow lambda:InvokeFunction on it; the function's resource policy is not the fix",
        StatementId = null,
        SourceArn = null,
        StatementJson = null,
        AddPermissionCommand = null,
        RemovePermissionCommand = null,
        Verified = Fixed.Verified.Take(4).ToArray(),
    };

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
        EngineOutcome outcome = Fixed with { Finding = Finding with { Evidence = ["(id) bad\r\nSubject: forged"] } };

        string body = NotificationFormatter.Body(outcome);

        Assert.Contains("  (id) bad  Subject: forged\n", body, StringComparison.Ordinal);
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

        Assert.Equal(["outcome", "reason"], NotificationFormatter.Attributes(bare).Keys);
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
}
