using Remediator.Core.Policy;

namespace Remediator.Core.Tests.Policy;

public class PolicyEvaluatorTests
{
    private const string Account = "111122223333";
    private const string Pets = "arn:aws:lambda:us-east-1:111122223333:function:pets";
    private const string ExecuteApi = "arn:aws:execute-api:us-east-1:111122223333:";

    /// <summary>
    /// Requests against statements in the shapes AWS documents and generates: the console/CLI REST form
    /// (<c>api/*/GET/pets</c>), a stage-scoped wildcard method, the HTTP API <c>$default</c> form the console
    /// shows (<c>api/*/$default</c>; SAM's <c>api/*/*/$default</c> was a bug that did not authorize), WebSocket
    /// <c>$connect</c> and an authorizer.
    /// </summary>
    public static TheoryData<string, string, PolicyDecisionKind, string?> ApiGatewayPermissions => new()
    {
        { "a1b2c3d4e5/prod/GET/pets", Account, PolicyDecisionKind.Allowed, "rest-get-pets" },
        { "a1b2c3d4e5/test/GET/pets", Account, PolicyDecisionKind.Allowed, "rest-get-pets" },
        { "a1b2c3d4e5/prod/POST/pets", Account, PolicyDecisionKind.ImplicitDeny, null },
        { "a1b2c3d4e5/prod/GET/pets/42", Account, PolicyDecisionKind.Allowed, "rest-pet-by-id" },
        { "a1b2c3d4e5/prod/DELETE/pets/42", Account, PolicyDecisionKind.Allowed, "rest-pet-by-id" },
        { "a1b2c3d4e5/test/DELETE/pets/42", Account, PolicyDecisionKind.ImplicitDeny, null },
        { "a1b2c3d4e5/prod/get/pets", Account, PolicyDecisionKind.ImplicitDeny, null },
        { "zzzzzzzzzz/prod/GET/pets", Account, PolicyDecisionKind.ImplicitDeny, null },
        { "h1t2t3p4a5/$default/$default", Account, PolicyDecisionKind.Allowed, "http-default-route" },
        { "h1t2t3p4a5/prod/$default", Account, PolicyDecisionKind.Allowed, "http-default-route" },
        { "s4m5a6p7i8/prod/$default", Account, PolicyDecisionKind.ImplicitDeny, null },
        { "w1s2k3t4a5/production/$connect", Account, PolicyDecisionKind.Allowed, "websocket-connect" },
        { "w1s2k3t4a5/production/$disconnect", Account, PolicyDecisionKind.ImplicitDeny, null },
        { "a1b2c3d4e5/authorizers/au7h0r", Account, PolicyDecisionKind.Allowed, "authorizer" },
        { "a1b2c3d4e5/authorizers/other1", Account, PolicyDecisionKind.ImplicitDeny, null },
    };

    [Theory]
    [MemberData(nameof(ApiGatewayPermissions))]
    public void Evaluate_ApiGatewayPermissionShapes_AgreeWithAws(string source, string account, PolicyDecisionKind expected, string? sid)
    {
        var policy = PolicyFixtures.LoadParsed("apigateway-permissions.json");
        var request = AuthorizationRequest.ApiGatewayInvoke(Pets, ExecuteApi + source, account);

        var decision = PolicyEvaluator.Evaluate(policy, request);

        Assert.Equal(expected, decision.Kind);
        Assert.Equal(sid is null ? [] : [sid], decision.DecidingStatements);
        Assert.Empty(decision.Uncertainties);
    }

    [Theory]
    // Lambda's sample app: ArnLike ".../ktyvxmpls1/*/GET/" authorizes GET on the root resource only.
    [InlineData("arn:aws:lambda:us-east-2:111122223333:function:nodejs-apig-function-1G3MXMPLXVXYI", "arn:aws:execute-api:us-east-2:111122223333:ktyvxmpls1/Prod/GET/", "111122223333", PolicyDecisionKind.Allowed)]
    [InlineData("arn:aws:lambda:us-east-2:111122223333:function:nodejs-apig-function-1G3MXMPLXVXYI", "arn:aws:execute-api:us-east-2:111122223333:ktyvxmpls1/Prod/GET/items", "111122223333", PolicyDecisionKind.ImplicitDeny)]
    [InlineData("arn:aws:lambda:us-east-2:111122223333:function:nodejs-apig-function-1G3MXMPLXVXYI", "arn:aws:execute-api:us-east-2:111122223333:ktyvxmpls1/Prod/POST/", "111122223333", PolicyDecisionKind.ImplicitDeny)]
    // StringEquals on AWS:SourceAccount: the same API id in another account does not pass.
    [InlineData("arn:aws:lambda:us-east-2:111122223333:function:nodejs-apig-function-1G3MXMPLXVXYI", "arn:aws:execute-api:us-east-2:444455556666:ktyvxmpls1/Prod/GET/", "444455556666", PolicyDecisionKind.ImplicitDeny)]
    // The statement names the unqualified function: invoking an alias of it is not covered.
    [InlineData("arn:aws:lambda:us-east-2:111122223333:function:nodejs-apig-function-1G3MXMPLXVXYI:live", "arn:aws:execute-api:us-east-2:111122223333:ktyvxmpls1/Prod/GET/", "111122223333", PolicyDecisionKind.ImplicitDeny)]
    public void Evaluate_LambdaSamplePolicy_AgreesWithAws(string function, string sourceArn, string account, PolicyDecisionKind expected)
    {
        var policy = PolicyFixtures.LoadParsed("lambda-sample-apigateway.json");

        var decision = PolicyEvaluator.Evaluate(policy, AuthorizationRequest.ApiGatewayInvoke(function, sourceArn, account));

        Assert.Equal(expected, decision.Kind);
    }

    [Theory]
    // Lambda keeps one policy per qualifier and its statements name that exact ARN: a permission on the
    // alias covers only invocations through the alias ARN, not the function, nor the version behind it.
    [InlineData("arn:aws:lambda:us-east-1:111122223333:function:orders:prod", PolicyDecisionKind.Allowed)]
    [InlineData("arn:aws:lambda:us-east-1:111122223333:function:orders", PolicyDecisionKind.ImplicitDeny)]
    [InlineData("arn:aws:lambda:us-east-1:111122223333:function:orders:7", PolicyDecisionKind.ImplicitDeny)]
    [InlineData("arn:aws:lambda:us-east-1:111122223333:function:orders:PROD", PolicyDecisionKind.ImplicitDeny)]
    [InlineData("arn:aws:lambda:us-east-1:111122223333:function:orders:staging", PolicyDecisionKind.ImplicitDeny)]
    public void Evaluate_AliasPolicy_CoversOnlyTheAliasArn(string invoked, PolicyDecisionKind expected)
    {
        var policy = PolicyFixtures.LoadParsed("alias-prod.json");
        var request = AuthorizationRequest.ApiGatewayInvoke(invoked, ExecuteApi + "a1b2c3d4e5/live/POST/orders", Account);

        Assert.Equal(expected, PolicyEvaluator.Evaluate(policy, request).Kind);
    }

    [Theory]
    // The documented get-policy example grants s3.amazonaws.com, not API Gateway.
    [InlineData("get-policy-sns-example.json", "arn:aws:lambda:us-east-2:123456789012:function:my-function", "arn:aws:sns:us-east-2:123456789012:lambda-topic")]
    // Principal "*" restricted to an organization: API Gateway's request carries no aws:PrincipalOrgID;
    // an account principal never matches a service.
    [InlineData("layer-org-example.json", Pets, ExecuteApi + "a1b2c3d4e5/prod/GET/pets")]
    public void Evaluate_StatementsForOtherCallers_DoNotAllowApiGateway(string fixture, string function, string sourceArn)
    {
        var policy = PolicyFixtures.LoadParsed(fixture);

        var decision = PolicyEvaluator.Evaluate(policy, AuthorizationRequest.ApiGatewayInvoke(function, sourceArn, "123456789012"));

        Assert.Equal(PolicyDecisionKind.ImplicitDeny, decision.Kind);
        Assert.Empty(decision.DecidingStatements);
    }

    [Fact]
    public void Evaluate_OrgConditionSatisfied_PrincipalStarAllowsApiGateway()
    {
        var policy = PolicyFixtures.LoadParsed("layer-org-example.json");
        var request = AuthorizationRequest.ApiGatewayInvoke(
            Pets, ExecuteApi + "a1b2c3d4e5/prod/GET/pets", Account, [new("aws:PrincipalOrgID", "o-t194hfs8cz")]);

        var decision = PolicyEvaluator.Evaluate(policy, request);

        Assert.Equal(PolicyDecisionKind.Allowed, decision.Kind);
        Assert.Equal(["engineering-org"], decision.DecidingStatements);
    }

    public static TheoryData<string, PolicyDecisionKind> StatementShapes => new()
    {
        { Allow(principal: "\"*\""), PolicyDecisionKind.Allowed },
        { Allow(principal: """{"AWS":"*"}"""), PolicyDecisionKind.Allowed },
        { Allow(principal: """{"Service":["s3.amazonaws.com","apigateway.amazonaws.com"]}"""), PolicyDecisionKind.Allowed },
        { Allow(principal: """{"Service":"APIGateway.amazonaws.com"}"""), PolicyDecisionKind.Allowed },
        { Allow(principal: """{"Service":"s3.amazonaws.com"}"""), PolicyDecisionKind.ImplicitDeny },
        { Allow(principal: """{"AWS":"111122223333"}"""), PolicyDecisionKind.ImplicitDeny },
        { Allow(principal: """{"Federated":"cognito-identity.amazonaws.com"}"""), PolicyDecisionKind.ImplicitDeny },
        { Allow(action: "\"lambda:*\""), PolicyDecisionKind.Allowed },
        { Allow(action: "\"*\""), PolicyDecisionKind.Allowed },
        { Allow(action: "\"lambda:invokefunction\""), PolicyDecisionKind.Allowed },
        { Allow(action: "\"lambda:Invoke*\""), PolicyDecisionKind.Allowed },
        { Allow(action: "[\"lambda:GetFunction\",\"lambda:InvokeFunction\"]"), PolicyDecisionKind.Allowed },
        { Allow(action: "\"lambda:InvokeFunctionUrl\""), PolicyDecisionKind.ImplicitDeny },
        { Allow(action: "\"lambda:InvokeAsync\""), PolicyDecisionKind.ImplicitDeny },
        { Allow(resource: "\"*\""), PolicyDecisionKind.Allowed },
        { Allow(resource: "\"arn:aws:lambda:us-east-1:111122223333:function:*\""), PolicyDecisionKind.Allowed },
        { Allow(resource: "\"arn:aws:lambda:*:*:function:pe?s\""), PolicyDecisionKind.Allowed },
        { Allow(resource: "\"arn:aws:lambda:us-east-1:111122223333:function:pets:*\""), PolicyDecisionKind.ImplicitDeny },
        { Allow(resource: "\"arn:aws:lambda:us-east-1:111122223333:function:PETS\""), PolicyDecisionKind.ImplicitDeny },
        { Allow(condition: """{"ArnLike":{"AWS:SourceArn":"arn:aws:execute-api:us-east-1:111122223333:a1b2c3d4e5/*/*"}}"""), PolicyDecisionKind.Allowed },
        { Allow(condition: """{"ArnLike":{"AWS:SourceArn":"arn:aws:execute-api:us-east-1:111122223333:a1b2c3d4e5/*"}}"""), PolicyDecisionKind.Allowed },
        { Allow(condition: """{"StringLike":{"AWS:SourceArn":"arn:aws:execute-api:us-east-1:111122223333:a1b2c3d4e5/*"}}"""), PolicyDecisionKind.Allowed },
        { Allow(condition: """{"ArnLike":{"AWS:SourceArn":"arn:aws:execute-api:us-east-1:111122223333:a1b2c3d4e5/*/*/*"}}"""), PolicyDecisionKind.Allowed },
        { Allow(condition: """{"ArnLike":{"AWS:SourceArn":"arn:aws:execute-api:us-east-1:111122223333:a1b2c3d4e5/*/POST/*"}}"""), PolicyDecisionKind.ImplicitDeny },
        { Allow(condition: """{"StringEquals":{"AWS:SourceAccount":"111122223333"},"ArnLike":{"AWS:SourceArn":"arn:aws:execute-api:us-east-1:111122223333:other00000/*"}}"""), PolicyDecisionKind.ImplicitDeny },
        { Allow(condition: """{"Null":{"AWS:SourceArn":"false"}}"""), PolicyDecisionKind.Allowed },
        { Allow(notPrincipal: """{"Service":"s3.amazonaws.com"}"""), PolicyDecisionKind.Allowed },
        { Allow(notPrincipal: """{"Service":"apigateway.amazonaws.com"}"""), PolicyDecisionKind.ImplicitDeny },
        { Allow(notAction: "\"lambda:GetPolicy\""), PolicyDecisionKind.Allowed },
        { Allow(notAction: "\"lambda:Invoke*\""), PolicyDecisionKind.ImplicitDeny },
        { Allow(notResource: "\"arn:aws:lambda:*:*:function:other\""), PolicyDecisionKind.Allowed },
        { Allow(notResource: "\"arn:aws:lambda:*:*:function:pets\""), PolicyDecisionKind.ImplicitDeny },
    };

    [Theory]
    [MemberData(nameof(StatementShapes))]
    public void Evaluate_StatementShape_DecidesLikeIam(string statement, PolicyDecisionKind expected)
    {
        var decision = Evaluate(statement);

        Assert.Equal(expected, decision.Kind);
        Assert.Empty(decision.Uncertainties);
    }

    [Fact]
    public void Evaluate_DenyAndAllowBothApply_ExplicitDenyWins()
    {
        var decision = Evaluate(
            Allow(sid: "allow-all-apis", condition: """{"ArnLike":{"AWS:SourceArn":"arn:aws:execute-api:*:*:*/*"}}"""),
            Deny(sid: "deny-prod", condition: """{"ArnLike":{"AWS:SourceArn":"arn:aws:execute-api:*:*:*/prod/*"}}"""),
            Deny(sid: "deny-other-account", condition: """{"StringNotEquals":{"AWS:SourceAccount":"111122223333"}}"""));

        Assert.Equal(PolicyDecisionKind.ExplicitDeny, decision.Kind);
        Assert.Equal(["deny-prod"], decision.DecidingStatements);
    }

    [Fact]
    public void Evaluate_SeveralAllowsApply_NamesThemAll()
    {
        var decision = Evaluate(Allow(sid: "one"), Allow(sid: "two"), Allow(sid: "three", action: "\"lambda:GetPolicy\""));

        Assert.Equal(PolicyDecisionKind.Allowed, decision.Kind);
        Assert.Equal(["one", "two"], decision.DecidingStatements);
    }

    [Fact]
    public void Evaluate_StatementWithoutSid_IsNamedByPosition()
    {
        var decision = Evaluate(Allow(sid: "other", action: "\"lambda:GetPolicy\""), Allow(sid: null));

        Assert.Equal(["#1"], decision.DecidingStatements);
    }

    [Fact]
    public void Evaluate_NoPolicy_IsImplicitDeny()
    {
        var request = AuthorizationRequest.ApiGatewayInvoke(Pets, ExecuteApi + "a1b2c3d4e5/prod/GET/pets", Account);

        Assert.Equal(PolicyDecisionKind.ImplicitDeny, PolicyEvaluator.Evaluate((PolicyDocument?)null, request).Kind);
        Assert.Equal(PolicyDecisionKind.ImplicitDeny, PolicyEvaluator.Evaluate((string?)null, request).Value!.Kind);
    }

    [Fact]
    public void Evaluate_MalformedJson_IsAFailureValue()
    {
        var request = AuthorizationRequest.ApiGatewayInvoke(Pets, ExecuteApi + "a1b2c3d4e5/prod/GET/pets", Account);

        var result = PolicyEvaluator.Evaluate("{\"Statement\":", request);

        Assert.False(result.IsSuccess);
        Assert.Contains("not valid JSON", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_AllowWithUnsupportedOperator_IsNotCounted()
    {
        var decision = Evaluate(Allow(sid: "numeric", condition: """{"NumericLessThan":{"lambda:Something":"5"}}"""));

        Assert.Equal(PolicyDecisionKind.ImplicitDeny, decision.Kind);
        Assert.Empty(decision.DecidingStatements);
        Assert.Contains(decision.Uncertainties, u => u.Contains("numeric", StringComparison.Ordinal) && u.Contains("NumericLessThan", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_DenyWithUnsupportedOperator_CountsAsExplicitDeny()
    {
        var decision = Evaluate(Allow(sid: "ok"), Deny(sid: "by-ip", condition: """{"NotIpAddress":{"aws:SourceIp":"10.0.0.0/8"}}"""));

        Assert.Equal(PolicyDecisionKind.ExplicitDeny, decision.Kind);
        Assert.Equal(["by-ip"], decision.DecidingStatements);
        Assert.Contains(decision.Uncertainties, u => u.Contains("by-ip", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_DenyWithUnsupportedOperatorButAFailingClause_DoesNotApply()
    {
        var decision = Evaluate(
            Allow(sid: "ok"),
            Deny(sid: "other-api", condition: """{"NotIpAddress":{"aws:SourceIp":"10.0.0.0/8"},"ArnLike":{"AWS:SourceArn":"arn:aws:execute-api:*:*:other00000/*"}}"""));

        Assert.Equal(PolicyDecisionKind.Allowed, decision.Kind);
        Assert.Empty(decision.Uncertainties);
    }

    [Fact]
    public void Evaluate_StatementWithoutPrincipalOrResource_FailsClosed()
    {
        var allowOnly = Evaluate("""{"Sid":"no-principal","Effect":"Allow","Action":"lambda:InvokeFunction","Resource":"*"}""");
        var withDeny = Evaluate(Allow(sid: "ok"), """{"Sid":"no-resource","Effect":"Deny","Principal":"*","Action":"*"}""");

        Assert.Equal(PolicyDecisionKind.ImplicitDeny, allowOnly.Kind);
        Assert.Single(allowOnly.Uncertainties);
        Assert.Equal(PolicyDecisionKind.ExplicitDeny, withDeny.Kind);
        Assert.Equal(["no-resource"], withDeny.DecidingStatements);
    }

    private static PolicyDecision Evaluate(params string[] statements)
    {
        var policy = PolicyFixtures.Parse(PolicyFixtures.PolicyOf(statements));
        var request = AuthorizationRequest.ApiGatewayInvoke(Pets, ExecuteApi + "a1b2c3d4e5/prod/GET/pets", Account);
        return PolicyEvaluator.Evaluate(policy, request);
    }

    private static string Allow(
        string? sid = "s",
        string? principal = """{"Service":"apigateway.amazonaws.com"}""",
        string? notPrincipal = null,
        string? action = "\"lambda:InvokeFunction\"",
        string? notAction = null,
        string? resource = "\"" + Pets + "\"",
        string? notResource = null,
        string? condition = null) =>
        Statement("Allow", sid, notPrincipal is null ? principal : null, notPrincipal, notAction is null ? action : null, notAction, notResource is null ? resource : null, notResource, condition);

    private static string Deny(string sid, string condition) =>
        Statement("Deny", sid, "\"*\"", null, "\"lambda:*\"", null, "\"*\"", null, condition);

    private static string Statement(
        string effect, string? sid, string? principal, string? notPrincipal, string? action, string? notAction,
        string? resource, string? notResource, string? condition)
    {
        var members = new List<string> { $"\"Effect\":\"{effect}\"" };
        void Add(string name, string? json)
        {
            if (json is not null)
            {
                members.Add($"\"{name}\":{json}");
            }
        }

        Add("Sid", sid is null ? null : $"\"{sid}\"");
        Add("Principal", principal);
        Add("NotPrincipal", notPrincipal);
        Add("Action", action);
        Add("NotAction", notAction);
        Add("Resource", resource);
        Add("NotResource", notResource);
        Add("Condition", condition);
        return "{" + string.Join(',', members) + "}";
    }
}
