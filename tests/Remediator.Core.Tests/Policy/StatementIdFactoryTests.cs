using Remediator.Core.Policy;

namespace Remediator.Core.Tests.Policy;

public class StatementIdFactoryTests
{
    private static readonly LambdaFunctionArn Pets = LambdaFunctionArn.Parse("arn:aws:lambda:us-east-1:111122223333:function:pets").Value!;
    private const string Source = "arn:aws:execute-api:us-east-1:111122223333:a1b2c3d4e5/*/GET/pets/*";

    [Fact]
    public void Create_RestGrant_IsReadableAndHashed()
    {
        var id = StatementIdFactory.Create(Pets, PolicyConstants.ApiGatewayPrincipal, PolicyConstants.InvokeFunctionAction, Source, "111122223333");

        Assert.Matches("^remediator-a1b2c3d4e5-any-GET-pets-any-[0-9a-f]{16}$", id);
        Assert.True(StatementIdFactory.IsRemediatorStatementId(id));
        Assert.True(StatementIdFactory.IsValidStatementId(id));
    }

    [Fact]
    public void Create_SameValues_SameId()
    {
        var first = StatementIdFactory.Create(Pets, PolicyConstants.ApiGatewayPrincipal, PolicyConstants.InvokeFunctionAction, Source, "111122223333");
        var second = StatementIdFactory.Create(
            LambdaFunctionArn.Parse(Pets.Arn).Value!, PolicyConstants.ApiGatewayPrincipal, PolicyConstants.InvokeFunctionAction, Source, "111122223333");

        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData("qualifier")]
    [InlineData("source")]
    [InlineData("account")]
    [InlineData("function")]
    [InlineData("action")]
    public void Create_AnyValueDiffers_IdDiffers(string change)
    {
        var baseline = StatementIdFactory.Create(Pets, PolicyConstants.ApiGatewayPrincipal, PolicyConstants.InvokeFunctionAction, Source, "111122223333");

        var changed = change switch
        {
            "qualifier" => StatementIdFactory.Create(Pets.WithQualifier("prod"), PolicyConstants.ApiGatewayPrincipal, PolicyConstants.InvokeFunctionAction, Source, "111122223333"),
            "source" => StatementIdFactory.Create(Pets, PolicyConstants.ApiGatewayPrincipal, PolicyConstants.InvokeFunctionAction, Source.Replace("GET", "PUT", StringComparison.Ordinal), "111122223333"),
            "account" => StatementIdFactory.Create(Pets, PolicyConstants.ApiGatewayPrincipal, PolicyConstants.InvokeFunctionAction, Source, "444455556666"),
            "function" => StatementIdFactory.Create(Pets with { FunctionName = "cats" }, PolicyConstants.ApiGatewayPrincipal, PolicyConstants.InvokeFunctionAction, Source, "111122223333"),
            _ => StatementIdFactory.Create(Pets, PolicyConstants.ApiGatewayPrincipal, "lambda:GetPolicy", Source, "111122223333"),
        };

        Assert.NotEqual(baseline, changed);
    }

    [Fact]
    public void Create_LongSource_StaysWithinLambdaLimit()
    {
        var longPath = string.Join('/', Enumerable.Repeat("segment-with-a-long-name", 20));
        var id = StatementIdFactory.Create(Pets, PolicyConstants.ApiGatewayPrincipal, PolicyConstants.InvokeFunctionAction,
            $"arn:aws:execute-api:us-east-1:111122223333:a1b2c3d4e5/*/GET/{longPath}", "111122223333");

        Assert.InRange(id.Length, 1, PolicyConstants.MaxStatementIdLength);
        Assert.True(StatementIdFactory.IsRemediatorStatementId(id));
        Assert.DoesNotContain("--", id, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("arn:aws:execute-api:us-east-1:111122223333:h1t2t3p4a5/*/$default", "remediator-h1t2t3p4a5-any-default-")]
    [InlineData("arn:aws:execute-api:us-east-1:111122223333:a1b2c3d4e5/authorizers/au7h0r", "remediator-a1b2c3d4e5-authorizers-au7h0r-")]
    [InlineData("arn:aws:execute-api:us-east-1:111122223333:a1b2c3d4e5/*/GET/", "remediator-a1b2c3d4e5-any-GET-")]
    public void Create_RouteForms_KeepOnlyAllowedCharacters(string source, string expectedStart)
    {
        var id = StatementIdFactory.Create(Pets, PolicyConstants.ApiGatewayPrincipal, PolicyConstants.InvokeFunctionAction, source, "111122223333");

        Assert.StartsWith(expectedStart, id, StringComparison.Ordinal);
        Assert.True(StatementIdFactory.IsValidStatementId(id));
    }

    [Theory]
    [InlineData("remediator-a1b2-0123456789abcdef", true)]
    [InlineData("remediator-0123456789abcdef", true)]
    [InlineData("remediator-a1b2-0123456789ABCDEF", false)]
    [InlineData("remediator-a1b2-0123456789abcde", false)]
    [InlineData("Remediator-a1b2-0123456789abcdef", false)]
    [InlineData("nodejs-apig-functiongetEndpointPermissionProd-BWDBXMPLXE2F", false)]
    [InlineData("remediator-manual", false)]
    [InlineData("remediator-a_b-0123456789abcdef", false)]
    [InlineData(null, false)]
    public void IsRemediatorStatementId_OnlyOurShape(string? sid, bool expected) =>
        Assert.Equal(expected, StatementIdFactory.IsRemediatorStatementId(sid));

    [Theory]
    [InlineData("sns", true)]
    [InlineData("a_b-C9", true)]
    [InlineData("", false)]
    [InlineData("has space", false)]
    [InlineData("dot.ted", false)]
    [InlineData(null, false)]
    public void IsValidStatementId_LambdaPattern(string? sid, bool expected) =>
        Assert.Equal(expected, StatementIdFactory.IsValidStatementId(sid));

    [Fact]
    public void IsValidStatementId_Over100Characters_IsInvalid() =>
        Assert.False(StatementIdFactory.IsValidStatementId(new string('a', 101)));
}
