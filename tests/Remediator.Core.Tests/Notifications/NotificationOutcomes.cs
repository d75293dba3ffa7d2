using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Engine;
using Remediator.Core.Notifications;
using Remediator.Core.Policy;

namespace Remediator.Core.Tests.Notifications;

/// <summary>The outcomes the notification tests format: a fix, a recommendation, a role ticket and one full of hostile text.</summary>
internal static class NotificationOutcomes
{
    internal const string Pets = "arn:aws:lambda:us-east-1:123456789012:function:pets-handler";
    internal const string Source = "arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/*/GET/pets/*";

    internal static readonly PermissionGrant Grant =
        PermissionGrant.Create(LambdaFunctionArn.Parse(Pets + ":live").Value!, Source, "123456789012").Value!;

    internal static readonly string Sid = Grant.StatementId;

    internal static readonly Finding Finding = new(
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

    internal static readonly EngineOutcome Fixed = new()
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
        CloudFormationSnippet = Grant.ToCloudFormation(applied: true),
        TerraformSnippet = Grant.ToTerraform(applied: true),
        Verified =
        [
            "API a1b2c3d4e5 is a REST API (\"pets\").",
            "Stage prod exists.",
            "The logged request \"GET /pets/42\" is served by resource /pets/{id}, method GET.",
            "Its integration is of type AWS_PROXY with URI arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/" + Pets + ":${stageVariables.alias}/invocations and no credentials role.",
            "Its URI resolves to function " + Pets + ":live (stage variable alias=live).",
            "Alias live of function pets-handler exists (version 3).",
            "The policy of " + Pets + " for qualifier live has 1 statement(s), none of which allows arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/GET/pets/42.",
            "Function pets-handler is not exempt (no remediator:exempt tag, name and account allowed).",
        ],
    };

    internal static readonly EngineOutcome Recommended = Fixed with
    {
        Outcome = RemediationOutcome.Recommended,
        Detail = "recommend mode, nothing written: the policy of " + Pets + " for qualifier live has 1 statement(s), none of which allows arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/GET/pets/42",
        RemovePermissionCommand = null,
        CloudFormationSnippet = Grant.ToCloudFormation(applied: false),
        TerraformSnippet = Grant.ToTerraform(applied: false),
    };

    internal static readonly EngineOutcome RoleTicket = Fixed with
    {
        Outcome = RemediationOutcome.Ticket,
        Reason = OutcomeReason.RoleBasedIntegration,
        Detail = $"GET /pets/{{id}} invokes {Pets}:live with the IAM role arn:aws:iam::123456789012:role/apigw-invoke: the role's policy must allow lambda:InvokeFunction on it; the function's resource policy is not the fix",
        StatementId = null,
        SourceArn = null,
        StatementJson = null,
        AddPermissionCommand = null,
        RemovePermissionCommand = null,
        CloudFormationSnippet = null,
        TerraformSnippet = null,
        Verified = Fixed.Verified.Take(4).ToArray(),
    };

    internal const string Forged = "pets\u202E\u2066\n\nRemediator: fixed, nothing to do.\r\n\u0007\u200B\uFEFF\u2028\uE000\"";

    internal static readonly EngineOutcome Hostile = Recommended with
    {
        Detail = "recommend mode, nothing written: " + Forged,
        Finding = Finding with
        {
            Evidence = ["(id) " + Forged, "\u001b[2J" + Forged],
            RequestIds = ["7c4e0a9e-3b1f-4d2a-9f6e-1a2b3c4d5e6f", "x\ny", "\u202Eabc", new string('a', 65)],
        },
        LogGroup = "grp" + Forged,
        Verified =
        [
            $"API a1b2c3d4e5 is a REST API ({UntrustedText.Quote(Forged, NotificationLimits.MaxNameChars)}).",
            $"Method GET /pets/{{id}} uses authorizer abc123 ({UntrustedText.Quote("auth" + Forged, NotificationLimits.MaxNameChars)}, type TOKEN).",
        ],
    };
}
