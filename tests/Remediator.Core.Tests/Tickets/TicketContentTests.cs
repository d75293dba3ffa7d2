using System.Globalization;
using System.Text;
using Remediator.Core.Decisions;
using Remediator.Core.Diagnosis;
using Remediator.Core.Engine;
using Remediator.Core.Policy;
using Remediator.Core.Ports;
using Remediator.Core.Tickets;

namespace Remediator.Core.Tests.Tickets;

public class TicketContentTests
{
    private const string Key = "9f2c0d7e4b1a";
    private static readonly DateTimeOffset First = new(2025, 11, 21, 5, 34, 12, TimeSpan.Zero);

    private static readonly LedgerRecord Record = new()
    {
        Key = Key,
        Outcome = LedgerOutcome.Pending,
        FirstSeen = First,
        LastSeen = First.AddMinutes(3),
        Occurrences = 12,
        ExpiresAt = First.AddDays(90),
    };

    private static EngineOutcome Outcome(string? path = "/pets/{id}", IReadOnlyList<string>? evidence = null, string detail = "recommend mode, nothing written") => new()
    {
        Outcome = RemediationOutcome.Recommended,
        Reason = OutcomeReason.PermissionMissing,
        Detail = detail,
        Finding = new Finding(FindingKind.MissingInvokePermission, ApiType.Rest, "a1b2c3d4e5", "prod", "GET", "/pets/42", null, null, ["req-1"], 3, First, First.AddSeconds(2), evidence ?? ["(req-1) Lambda invocation failed"]),
        LedgerKey = Key,
        AccountId = "123456789012",
        Region = "us-east-1",
        LogGroup = "API-Gateway-Execution-Logs_a1b2c3d4e5/prod",
        ApiType = ApiType.Rest,
        ApiId = "a1b2c3d4e5",
        Stage = "prod",
        HttpMethod = "GET",
        ResourcePath = path,
        FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:pets",
        Qualifier = "live",
        StatementJson = """{"Sid":"remediator-pets"}""",
        AddPermissionCommand = "aws lambda add-permission --function-name pets --qualifier live",
        Verified = ["Stage prod of REST API a1b2c3d4e5 exists"],
    };

    [Fact]
    public void Draft_Recommendation_HasTheTitleClassDedupResourcesAndSearchableFix()
    {
        OpsItemDraft draft = TicketContent.Draft(Outcome(), Record);

        Assert.Equal("API Gateway may not invoke pets:live (a1b2c3d4e5/prod GET /pets/{id}) [PermissionMissing]", draft.Title);
        Assert.Equal((OpsItemFields.Source, "2", "Availability", Key), (draft.Source, draft.Severity, draft.Category, draft.DedupString));
        Assert.Equal(["arn:aws:lambda:us-east-1:123456789012:function:pets", "arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5"], draft.ResourceArns);
        Assert.Equal(new OpsItemData("aws lambda add-permission --function-name pets --qualifier live", Searchable: true), draft.OperationalData[OpsItemFields.FixCommand]);
        Assert.Equal(new OpsItemData(Key, Searchable: true), draft.OperationalData[OpsItemFields.RootCauseKey]);
        Assert.Equal(("12", "2025-11-21T05:34:12Z", "2025-11-21T05:37:12Z"), (draft.OperationalData[OpsItemFields.Occurrences].Value, draft.OperationalData[OpsItemFields.FirstSeen].Value, draft.OperationalData[OpsItemFields.LastSeen].Value));
        Assert.False(draft.OperationalData[OpsItemFields.Evidence].Searchable);
        Assert.Contains("(req-1) Lambda invocation failed", draft.OperationalData[OpsItemFields.Evidence].Value, StringComparison.Ordinal);
        Assert.Contains("**Fix:** aws lambda add-permission", draft.Description, StringComparison.Ordinal);
        Assert.Contains("**Seen:** 12 log event(s) from 2025-11-21T05:34:12Z to 2025-11-21T05:37:12Z", draft.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Draft_Recommendation_CarriesTheGrantAsCloudFormationAndTerraform()
    {
        PermissionGrant grant = PermissionGrant.Create(
            LambdaFunctionArn.Parse("arn:aws:lambda:us-east-1:123456789012:function:pets:live").Value!,
            "arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/GET/pets/*", "123456789012").Value!;
        EngineOutcome outcome = Outcome() with
        {
            CloudFormationSnippet = grant.ToCloudFormation(applied: false),
            TerraformSnippet = grant.ToTerraform(applied: false),
        };

        OpsItemDraft draft = TicketContent.Draft(outcome, Record);

        // Line breaks stay, so the operational data can be copied into a template as it is.
        Assert.Equal(new OpsItemData(outcome.CloudFormationSnippet), draft.OperationalData[OpsItemFields.CloudFormation]);
        Assert.Equal(new OpsItemData(outcome.TerraformSnippet), draft.OperationalData[OpsItemFields.Terraform]);
        Assert.Contains("\n  Type: AWS::Lambda::Permission\n", draft.OperationalData[OpsItemFields.CloudFormation].Value, StringComparison.Ordinal);
        Assert.Equal(
            draft.OperationalData.Keys.Order(StringComparer.Ordinal),
            TicketContent.Update("oi-1", outcome, Record).OperationalData.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Draft_HostileNamesAndEvidence_AreCleanedAndBoundedEverywhere()
    {
        string hostile = "/pets/{id}\u202E\u200B\n# injected heading\r\u0007" + new string('p', 5000);
        string[] evidence = [.. Enumerable.Range(0, 100).Select(i => $"(req-{i}) {hostile}{new string('\u00e9', 400)}")];

        OpsItemDraft draft = TicketContent.Draft(Outcome(hostile, evidence, detail: hostile), Record);

        Assert.InRange(draft.Title.Length, 1, TicketText.MaxTitleLength);
        Assert.InRange(draft.Description.Length, 1, TicketText.MaxDescriptionLength);
        Assert.DoesNotContain("\n# injected", draft.Title + draft.Description, StringComparison.Ordinal);
        foreach (string text in new[] { draft.Title, draft.Description }.Concat(draft.OperationalData.Values.Select(v => v.Value)))
        {
            Assert.DoesNotContain(text, c => char.GetUnicodeCategory(c) == UnicodeCategory.Format || (char.IsControl(c) && c != '\n'));
        }

        Assert.All(draft.OperationalData.Values, value => Assert.InRange(Encoding.UTF8.GetByteCount(value.Value), 1, TicketText.MaxDataValueBytes));
    }

    [Fact]
    public void ResourceArns_HttpApiInChina_UseTheApisPathAndThePartition()
    {
        EngineOutcome outcome = Outcome() with { ApiType = ApiType.Http, Region = "cn-north-1", FunctionArn = "arn:aws-cn:lambda:cn-north-1:123456789012:function:pets" };

        Assert.Equal(["arn:aws-cn:lambda:cn-north-1:123456789012:function:pets", "arn:aws-cn:apigateway:cn-north-1::/apis/a1b2c3d4e5"], TicketContent.ResourceArns(outcome));
    }

    [Fact]
    public void ResourceArns_ApiIdOfNoApiShape_IsLeftOut()
    {
        Assert.Equal(["arn:aws:lambda:us-east-1:123456789012:function:pets"], TicketContent.ResourceArns(Outcome() with { ApiId = "a1/../b" }));
    }

    [Fact]
    public void Resolution_SaysWhenAndWhatWasVerified()
    {
        EngineOutcome healthy = Outcome() with { Outcome = RemediationOutcome.AlreadyAllowed, Reason = OutcomeReason.PolicyAllows, Detail = "the policy allows the call" };

        OpsItemData note = TicketContent.Resolution(healthy, First)[OpsItemFields.Resolution];

        Assert.Equal("Resolved by Remediator at 2025-11-21T05:34:12Z: AlreadyAllowed (PolicyAllows), the policy allows the call.\n- Stage prod of REST API a1b2c3d4e5 exists", note.Value);
    }

    [Theory]
    [InlineData(OutcomeReason.PermissionMissing, FindingKind.MissingInvokePermission, "2", "Availability")]
    [InlineData(OutcomeReason.RoleBasedIntegration, FindingKind.AuthorizerInvokePermission, "2", "Availability")]
    [InlineData(OutcomeReason.OwnershipUnproven, FindingKind.MissingInvokePermission, "2", "Security")]
    [InlineData(OutcomeReason.LogControlPlaneMismatch, FindingKind.MissingInvokePermission, "2", "Security")]
    [InlineData(OutcomeReason.FunctionError, FindingKind.FunctionError, "3", "Availability")]
    [InlineData(OutcomeReason.UnrecognizedFailure, FindingKind.Unrecognized, "3", "Availability")]
    public void TicketClass_ByReasonAndKind_GivesSeverityAndCategory(OutcomeReason reason, FindingKind kind, string severity, string category)
    {
        TicketClass ticketClass = TicketClass.Of(reason, kind);

        Assert.Equal((severity, category), (ticketClass.Severity, ticketClass.Category));
    }
}
