using System.Text.Json;
using Remediator.Core.Policy;

namespace Remediator.Core.Tests.Policy;

public class PermissionGrantTests
{
    private const string Account = "111122223333";
    private const string Source = "arn:aws:execute-api:us-east-1:111122223333:a1b2c3d4e5/*/GET/pets/*";
    private static readonly LambdaFunctionArn Pets = LambdaFunctionArn.Parse("arn:aws:lambda:us-east-1:111122223333:function:pets").Value!;

    [Fact]
    public void Create_SafeGrant_CarriesItsValuesAndDerivedStatementId()
    {
        var grant = Grant(Pets, Source);

        Assert.Equal("arn:aws:lambda:us-east-1:111122223333:function:pets", grant.FunctionArn);
        Assert.Null(grant.Qualifier);
        Assert.Equal(PolicyConstants.ApiGatewayPrincipal, grant.Principal);
        Assert.Equal(PolicyConstants.InvokeFunctionAction, grant.Action);
        Assert.Equal(Source, grant.SourceArn);
        Assert.Equal(Account, grant.SourceAccount);
        Assert.Equal(StatementIdFactory.Create(Pets, grant.Principal, grant.Action, Source, Account), grant.StatementId);
    }

    [Fact]
    public void ToStatementJson_UnqualifiedFunction_IsWhatLambdaStores()
    {
        var grant = Grant(Pets, Source);

        var expected = "{\"Sid\":\"" + grant.StatementId + "\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"apigateway.amazonaws.com\"},"
            + "\"Action\":\"lambda:InvokeFunction\",\"Resource\":\"arn:aws:lambda:us-east-1:111122223333:function:pets\","
            + "\"Condition\":{\"StringEquals\":{\"AWS:SourceAccount\":\"111122223333\"},"
            + "\"ArnLike\":{\"AWS:SourceArn\":\"arn:aws:execute-api:us-east-1:111122223333:a1b2c3d4e5/*/GET/pets/*\"}}}";
        Assert.Equal(expected, grant.ToStatementJson());
    }

    [Fact]
    public void ToStatementJson_AliasGrant_NamesTheQualifiedResource()
    {
        var grant = Grant(Pets.WithQualifier("prod"), Source);

        using var statement = JsonDocument.Parse(grant.ToStatementJson());

        Assert.Equal("arn:aws:lambda:us-east-1:111122223333:function:pets:prod", statement.RootElement.GetProperty("Resource").GetString());
    }

    [Fact]
    public void ToAddPermissionCommand_QuotesTheSourceArn()
    {
        var grant = Grant(Pets.WithQualifier("prod"), Source);

        Assert.Equal(
            "aws lambda add-permission --function-name arn:aws:lambda:us-east-1:111122223333:function:pets"
            + $" --statement-id {grant.StatementId} --action lambda:InvokeFunction --principal apigateway.amazonaws.com"
            + " --source-arn 'arn:aws:execute-api:us-east-1:111122223333:a1b2c3d4e5/*/GET/pets/*' --source-account 111122223333"
            + " --qualifier prod --region us-east-1",
            grant.ToAddPermissionCommand());
    }

    [Fact]
    public void ToRemovePermissionCommand_UndoesExactlyThisStatement()
    {
        var unqualified = Grant(Pets, Source);
        var qualified = Grant(Pets.WithQualifier("prod"), Source);

        Assert.Equal(
            $"aws lambda remove-permission --function-name arn:aws:lambda:us-east-1:111122223333:function:pets --statement-id {unqualified.StatementId} --region us-east-1",
            unqualified.ToRemovePermissionCommand());
        Assert.Equal(
            $"aws lambda remove-permission --function-name arn:aws:lambda:us-east-1:111122223333:function:pets --statement-id {qualified.StatementId} --qualifier prod --region us-east-1",
            qualified.ToRemovePermissionCommand());
    }

    [Fact]
    public void ToAddPermissionCommand_DollarRoute_IsQuotedForTheShell()
    {
        var grant = Grant(Pets, "arn:aws:execute-api:us-east-1:111122223333:h1t2t3p4a5/*/$default");

        Assert.Contains("--source-arn 'arn:aws:execute-api:us-east-1:111122223333:h1t2t3p4a5/*/$default'", grant.ToAddPermissionCommand(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, string, string, GrantRefusalReason> UnsafeGrants => new()
    {
        { Pets.Arn, Source, Account, "s3.amazonaws.com", PolicyConstants.InvokeFunctionAction, GrantRefusalReason.PrincipalNotApiGateway },
        { Pets.Arn, Source, Account, "*", PolicyConstants.InvokeFunctionAction, GrantRefusalReason.PrincipalNotApiGateway },
        { Pets.Arn, Source, Account, "APIGATEWAY.amazonaws.com", PolicyConstants.InvokeFunctionAction, GrantRefusalReason.PrincipalNotApiGateway },
        { Pets.Arn, Source, Account, PolicyConstants.ApiGatewayPrincipal, "lambda:*", GrantRefusalReason.ActionNotInvokeFunction },
        { Pets.Arn, "arn:aws:execute-api:us-east-1:111122223333:*/*/GET/pets", Account, PolicyConstants.ApiGatewayPrincipal, PolicyConstants.InvokeFunctionAction, GrantRefusalReason.SourceArnWildcard },
        { Pets.Arn, "arn:aws:execute-api:us-east-1:111122223333:a1b2*/*/GET/pets", Account, PolicyConstants.ApiGatewayPrincipal, PolicyConstants.InvokeFunctionAction, GrantRefusalReason.SourceArnWildcard },
        { Pets.Arn, "arn:aws:execute-api:us-east-1:*:a1b2c3d4e5/*/GET/pets", Account, PolicyConstants.ApiGatewayPrincipal, PolicyConstants.InvokeFunctionAction, GrantRefusalReason.SourceArnWildcard },
        { Pets.Arn, "arn:aws:execute-api:*:111122223333:a1b2c3d4e5/*/GET/pets", Account, PolicyConstants.ApiGatewayPrincipal, PolicyConstants.InvokeFunctionAction, GrantRefusalReason.SourceArnWildcard },
        { Pets.Arn, "arn:aws:execute-api:us-east-1:111122223333:*", Account, PolicyConstants.ApiGatewayPrincipal, PolicyConstants.InvokeFunctionAction, GrantRefusalReason.SourceArnInvalid },
        { Pets.Arn, "arn:aws:execute-api:us-east-1:111122223333:a1b2c3d4e5", Account, PolicyConstants.ApiGatewayPrincipal, PolicyConstants.InvokeFunctionAction, GrantRefusalReason.SourceArnInvalid },
        { Pets.Arn, "arn:aws:sns:us-east-1:111122223333:topic", Account, PolicyConstants.ApiGatewayPrincipal, PolicyConstants.InvokeFunctionAction, GrantRefusalReason.SourceArnInvalid },
        { Pets.Arn, "arn:aws:execute-api:us-east-1:111122223333:a1b2c3d4e5/* /GET", Account, PolicyConstants.ApiGatewayPrincipal, PolicyConstants.InvokeFunctionAction, GrantRefusalReason.SourceArnInvalid },
        { Pets.Arn, "arn:aws-cn:execute-api:us-east-1:111122223333:a1b2c3d4e5/*/GET/pets", Account, PolicyConstants.ApiGatewayPrincipal, PolicyConstants.InvokeFunctionAction, GrantRefusalReason.SourceArnInvalid },
        { Pets.Arn, "arn:aws:execute-api:us-east-1:444455556666:a1b2c3d4e5/*/GET/pets", Account, PolicyConstants.ApiGatewayPrincipal, PolicyConstants.InvokeFunctionAction, GrantRefusalReason.AccountMismatch },
        { Pets.Arn, Source, "*", PolicyConstants.ApiGatewayPrincipal, PolicyConstants.InvokeFunctionAction, GrantRefusalReason.AccountMismatch },
        { "arn:aws:lambda:us-east-1:444455556666:function:pets", Source, Account, PolicyConstants.ApiGatewayPrincipal, PolicyConstants.InvokeFunctionAction, GrantRefusalReason.CrossAccountFunction },
        { "arn:aws-cn:lambda:cn-north-1:111122223333:function:pets", Source, Account, PolicyConstants.ApiGatewayPrincipal, PolicyConstants.InvokeFunctionAction, GrantRefusalReason.PartitionMismatch },
        { Pets.Arn + ":$LATEST", Source, Account, PolicyConstants.ApiGatewayPrincipal, PolicyConstants.InvokeFunctionAction, GrantRefusalReason.QualifierNotPermitted },
    };

    [Theory]
    [MemberData(nameof(UnsafeGrants))]
    public void Create_UnsafeGrant_IsRefusedWithTheRuleItBreaks(
        string function, string sourceArn, string sourceAccount, string principal, string action, GrantRefusalReason expected)
    {
        var result = PermissionGrant.Create(LambdaFunctionArn.Parse(function).Value!, sourceArn, sourceAccount, principal, action);

        Assert.False(result.IsSuccess);
        Assert.Null(result.Value);
        Assert.Contains(result.Error, r => r.Reason == expected && r.Message.Length > 0);
    }

    [Fact]
    public void Create_SeveralRulesBroken_ReportsEachOne()
    {
        var result = PermissionGrant.Create(
            LambdaFunctionArn.Parse("arn:aws:lambda:us-east-1:444455556666:function:pets").Value!,
            "arn:aws:execute-api:us-east-1:111122223333:*/*",
            Account,
            "*",
            "lambda:*");

        Assert.Equal(
            [GrantRefusalReason.PrincipalNotApiGateway, GrantRefusalReason.ActionNotInvokeFunction, GrantRefusalReason.CrossAccountFunction, GrantRefusalReason.SourceArnWildcard],
            result.Error!.Select(r => r.Reason));
    }

    [Fact]
    public void ToStatementJson_InAPolicy_AllowsTheFailedRequestOnly()
    {
        var grant = Grant(Pets.WithQualifier("prod"), Source);
        var policy = PolicyFixtures.Parse(LambdaStatementWriter.WritePolicy([grant.ToStatementJson()]));

        PolicyDecisionKind Decide(string function, string source, string account) =>
            PolicyEvaluator.Evaluate(policy, AuthorizationRequest.ApiGatewayInvoke(function, source, account)).Kind;

        const string Request = "arn:aws:execute-api:us-east-1:111122223333:a1b2c3d4e5/prod/GET/pets/42";
        Assert.Equal(PolicyDecisionKind.Allowed, Decide(Pets.Arn + ":prod", Request, Account));
        Assert.Equal(PolicyDecisionKind.ImplicitDeny, Decide(Pets.Arn, Request, Account));
        Assert.Equal(PolicyDecisionKind.ImplicitDeny, Decide(Pets.Arn + ":prod", Request.Replace("/GET/", "/POST/", StringComparison.Ordinal), Account));
        Assert.Equal(PolicyDecisionKind.ImplicitDeny, Decide(Pets.Arn + ":prod", Request.Replace("a1b2c3d4e5", "zzzzzzzzzz", StringComparison.Ordinal), Account));
        Assert.Equal(PolicyDecisionKind.ImplicitDeny, Decide(Pets.Arn + ":prod", Request, "444455556666"));
    }

    private static PermissionGrant Grant(LambdaFunctionArn function, string sourceArn)
    {
        var result = PermissionGrant.Create(function, sourceArn, Account);
        Assert.True(result.IsSuccess, result.IsSuccess ? null : string.Join("; ", result.Error.Select(r => r.Message)));
        return result.Value;
    }
}
