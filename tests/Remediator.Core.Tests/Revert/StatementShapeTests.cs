using Remediator.Core.Policy;
using Remediator.Core.Revert;
using Remediator.Core.Tests.Policy;

namespace Remediator.Core.Tests.Revert;

/// <summary>Only statements exactly as Remediator writes them may be removed; everything else is refused.</summary>
public class StatementShapeTests
{
    private const string Account = "123456789012";
    private const string SourceArn = "arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/*/GET/pets/*";
    private static readonly LambdaFunctionArn Pets = LambdaFunctionArn.Parse("arn:aws:lambda:us-east-1:123456789012:function:pets").Value!;
    private static readonly PermissionGrant Grant = PermissionGrant.Create(Pets, SourceArn, Account).Value!;
    private static readonly string Statement = Grant.ToStatementJson();

    [Fact]
    public void Refusal_StatementRemediatorWrote_IsNull()
    {
        Assert.Null(StatementShape.Refusal(Parse(Statement), Pets));
        Assert.Equal(SourceArn, StatementShape.SourceArnOf(Parse(Statement)));
    }

    [Fact]
    public void Refusal_GrantOnAnAlias_IsNullOnTheAliasPolicyOnly()
    {
        LambdaFunctionArn live = Pets.WithQualifier("live");
        string onAlias = PermissionGrant.Create(live, SourceArn, Account).Value!.ToStatementJson();

        Assert.Null(StatementShape.Refusal(Parse(onAlias), live));
        Assert.Contains("is on resource", StatementShape.Refusal(Parse(onAlias), Pets), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"Service\":\"apigateway.amazonaws.com\"", "\"Service\":\"events.amazonaws.com\"", "names principal Service:events.amazonaws.com")]
    [InlineData("\"Principal\":{\"Service\":\"apigateway.amazonaws.com\"}", "\"Principal\":\"*\"", "names principal *")]
    [InlineData("\"Principal\":{\"Service\":\"apigateway.amazonaws.com\"}", "\"Principal\":{\"Service\":[\"apigateway.amazonaws.com\",\"events.amazonaws.com\"]}", "not only the service")]
    [InlineData("\"Principal\":{\"Service\":\"apigateway.amazonaws.com\"}", "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"}", "names principal AWS:")]
    [InlineData("\"Principal\":", "\"NotPrincipal\":", "names principal NotPrincipal")]
    [InlineData("\"Effect\":\"Allow\"", "\"Effect\":\"Deny\"", "is a Deny")]
    [InlineData("\"Action\":\"lambda:InvokeFunction\"", "\"Action\":\"lambda:*\"", "not only lambda:InvokeFunction")]
    [InlineData("\"Action\":\"lambda:InvokeFunction\"", "\"Action\":[\"lambda:InvokeFunction\",\"lambda:GetFunction\"]", "not only lambda:InvokeFunction")]
    [InlineData("\"Resource\":\"arn:aws:lambda:us-east-1:123456789012:function:pets\"", "\"Resource\":\"arn:aws:lambda:us-east-1:123456789012:function:orders\"", "is on resource")]
    [InlineData("\"Resource\":\"arn:aws:lambda:us-east-1:123456789012:function:pets\"", "\"Resource\":\"arn:aws:lambda:us-east-1:123456789012:function:*\"", "is on resource")]
    [InlineData("\"StringEquals\":{\"AWS:SourceAccount\":\"123456789012\"},", "", "has conditions ArnLike")]
    [InlineData("\"ArnLike\"", "\"ArnEquals\"", "has conditions")]
    [InlineData("\"StringEquals\":{\"AWS:SourceAccount\":\"123456789012\"}", "\"StringEquals\":{\"AWS:SourceAccount\":\"123456789012\",\"aws:PrincipalOrgID\":\"o-1\"}", "has conditions")]
    [InlineData("\"AWS:SourceArn\":\"arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/*/GET/pets/*\"", "\"AWS:SourceArn\":\"arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/*\"", "does not match its own content")]
    [InlineData("\"AWS:SourceArn\":\"arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/*/GET/pets/*\"", "\"AWS:SourceArn\":\"arn:aws:execute-api:us-east-1:123456789012:*/*/GET/pets/*\"", "not a grant Remediator would make")]
    [InlineData("\"AWS:SourceAccount\":\"123456789012\"", "\"AWS:SourceAccount\":\"999999999999\"", "not a grant Remediator would make")]
    public void Refusal_AnythingButRemediatorsShape_IsRefusedSayingWhy(string find, string replace, string expected)
    {
        string edited = Statement.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Statement, edited);

        string? refusal = StatementShape.Refusal(Parse(edited), Pets);

        Assert.NotNull(refusal);
        Assert.Contains(expected, refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("remediator-by-hand")]
    [InlineData("remediator-a1b2c3d4e5-any-GET-pets-any-0123456789ABCDEF")]
    [InlineData("Remediator-a1b2c3d4e5-any-GET-pets-any-0123456789abcdef")]
    [InlineData("console-added")]
    public void Refusal_IdRemediatorDoesNotCreate_IsRefusedWhateverTheContent(string sid)
    {
        string renamed = Statement.Replace(Grant.StatementId, sid, StringComparison.Ordinal);

        Assert.Contains("does not have an id Remediator creates", StatementShape.Refusal(Parse(renamed), Pets), StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_RemediatorLookingIdOnAnotherGrant_IsRefused()
    {
        // The id pattern alone is not proof: this id belongs to a different source ARN than the statement holds.
        string other = PermissionGrant.Create(Pets, SourceArn.Replace("GET", "POST", StringComparison.Ordinal), Account).Value!.StatementId;
        string swapped = Statement.Replace(Grant.StatementId, other, StringComparison.Ordinal);

        Assert.Contains("does not match its own content", StatementShape.Refusal(Parse(swapped), Pets), StringComparison.Ordinal);
    }

    private static PolicyStatement Parse(string statement) => Assert.Single(PolicyFixtures.Parse(PolicyFixtures.PolicyOf(statement)).Statements);
}
