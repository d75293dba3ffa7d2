using Remediator.Core.Policy;

namespace Remediator.Core.Tests.Policy;

public class LambdaStatementWriterTests
{
    private const string Function = "arn:aws:lambda:us-east-2:123456789012:function:my-function";

    [Theory]
    // The Lambda developer guide's add-permission outputs.
    [InlineData("sns", "sns.amazonaws.com", null, null,
        """{"Sid":"sns","Effect":"Allow","Principal":{"Service":"sns.amazonaws.com"},"Action":"lambda:InvokeFunction","Resource":"arn:aws:lambda:us-east-2:123456789012:function:my-function"}""")]
    [InlineData("xaccount", "210987654321", null, null,
        """{"Sid":"xaccount","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::210987654321:root"},"Action":"lambda:InvokeFunction","Resource":"arn:aws:lambda:us-east-2:123456789012:function:my-function"}""")]
    [InlineData("s3-account", "s3.amazonaws.com", "arn:aws:s3:::my-bucket-123456", "123456789012",
        """{"Sid":"s3-account","Effect":"Allow","Principal":{"Service":"s3.amazonaws.com"},"Action":"lambda:InvokeFunction","Resource":"arn:aws:lambda:us-east-2:123456789012:function:my-function","Condition":{"StringEquals":{"AWS:SourceAccount":"123456789012"},"ArnLike":{"AWS:SourceArn":"arn:aws:s3:::my-bucket-123456"}}}""")]
    [InlineData("public", "*", null, null,
        """{"Sid":"public","Effect":"Allow","Principal":"*","Action":"lambda:InvokeFunction","Resource":"arn:aws:lambda:us-east-2:123456789012:function:my-function"}""")]
    [InlineData("role", "arn:aws:iam::123456789012:role/caller", "arn:aws:execute-api:us-east-2:123456789012:a1/*/$default", null,
        """{"Sid":"role","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/caller"},"Action":"lambda:InvokeFunction","Resource":"arn:aws:lambda:us-east-2:123456789012:function:my-function","Condition":{"ArnLike":{"AWS:SourceArn":"arn:aws:execute-api:us-east-2:123456789012:a1/*/$default"}}}""")]
    public void WriteStatement_AddPermissionValues_RendersLikeLambda(string sid, string principal, string? sourceArn, string? sourceAccount, string expected) =>
        Assert.Equal(expected, LambdaStatementWriter.WriteStatement(sid, principal, "lambda:InvokeFunction", Function, sourceArn, sourceAccount));

    [Fact]
    public void WriteStatement_ChinaFunctionAccountPrincipal_UsesThePartition()
    {
        var json = LambdaStatementWriter.WriteStatement("x", "210987654321", "lambda:InvokeFunction", "arn:aws-cn:lambda:cn-north-1:123456789012:function:f", null, null);

        Assert.Contains("\"AWS\":\"arn:aws-cn:iam::210987654321:root\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void WritePolicy_Statements_RoundTripsThroughTheParser()
    {
        var statements = new[]
        {
            LambdaStatementWriter.WriteStatement("a", "apigateway.amazonaws.com", "lambda:InvokeFunction", Function, "arn:aws:execute-api:us-east-2:123456789012:a1/*/GET/", "123456789012"),
            LambdaStatementWriter.WriteStatement("b", "sns.amazonaws.com", "lambda:InvokeFunction", Function, null, null),
        };

        var json = LambdaStatementWriter.WritePolicy(statements);
        var policy = PolicyFixtures.Parse(json);

        Assert.StartsWith("""{"Version":"2012-10-17","Id":"default","Statement":[{"Sid":"a",""", json, StringComparison.Ordinal);
        Assert.Equal(["a", "b"], policy.Statements.Select(s => s.Sid));
        Assert.Equal(2, policy.Statements[0].Conditions.Count);
    }

    [Fact]
    public void WritePolicy_NoStatements_IsAnEmptyStatementList() =>
        Assert.Equal("""{"Version":"2012-10-17","Id":"default","Statement":[]}""", LambdaStatementWriter.WritePolicy([]));
}
