using Remediator.Core.Configuration;
using Remediator.Core.Diagnosis;
using Remediator.Core.Engine;
using Remediator.Core.Policy;
using Remediator.Core.Tests.Decisions;
using Remediator.Core.Verification;

namespace Remediator.Core.Tests.Diagnosis;

public class RootCauseKeyTargetTests
{
    private const string Pets = "arn:aws:lambda:us-east-1:123456789012:function:pets";

    private static readonly ResolvedTarget Target = TargetChecksTests.Target(Pets, null);

    private static string Key(ResolvedTarget target, StageScope scope = StageScope.Any, FindingKind kind = FindingKind.MissingInvokePermission) =>
        RootCauseKey.ForTarget(kind, target, scope);

    // Ledger records outlive deployments: a changed encoding would forget every root cause's history.
    // SHA-256 of "remediator-target-v1|23:MissingInvokePermission|9:us-east-1|12:123456789012|10:a1b2c3d4e5|1:*
    // |11:Integration|3:GET|10:/pets/{id}|-1:|-1:|8:Resolved|51:arn:aws:lambda:us-east-1:123456789012:function:pets".
    [Fact]
    public void ForTarget_KnownTarget_IsPinned() =>
        Assert.Equal("5a2bffe66aa13fc78c8a37054ebbba016504db5e400a2703ece4627198cfa1eb", Key(Target));

    [Fact]
    public void ForTarget_LoggedRequestAndTrail_DoNotMatter() => Assert.Equal(
        Key(Target),
        Key(Target with { RequestMethod = "get", RequestPath = "/pets/1 OR 1=1", Trail = ["anything"] }));

    [Fact]
    public void ForTarget_StageScopeAny_IsTheSameForEveryStage() =>
        Assert.Equal(Key(Target), Key(Target with { Stage = "dev" }));

    [Fact]
    public void ForTarget_StageScopeStage_DiffersPerStage() =>
        Assert.NotEqual(Key(Target, StageScope.Stage), Key(Target with { Stage = "dev" }, StageScope.Stage));

    [Fact]
    public void ForTarget_EveryVerifiedValueMatters()
    {
        string[] keys =
        [
            Key(Target),
            Key(Target, kind: FindingKind.AuthorizerInvokePermission),
            Key(Target with { Api = new ApiTarget("us-east-1", "123456789012", "zzzzzzzzzz") }),
            Key(Target with { Api = new ApiTarget("eu-west-1", "123456789012", "a1b2c3d4e5") }),
            Key(Target with { Api = new ApiTarget("us-east-1", "210987654321", "a1b2c3d4e5") }),
            Key(Target with { HttpMethod = "ANY" }),
            Key(Target with { ResourcePath = "/pets/{proxy+}" }),
            Key(Target with { ResourcePath = null, HttpMethod = null, RouteKey = "GET /pets/{id}" }),
            Key(Target with { Kind = TargetKind.Authorizer, AuthorizerId = "abc123" }),
            Key(Target with { Lambda = IntegrationUri.Resolve(Pets + ":live", new Dictionary<string, string>()) }),
            Key(Target with { Lambda = IntegrationUri.Resolve("arn:aws:lambda:us-east-1:123456789012:function:other", new Dictionary<string, string>()) }),
            Key(Target with { Lambda = IntegrationUri.Resolve("https://example.com/", new Dictionary<string, string>()) }),
        ];

        Assert.Equal(keys.Length, keys.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void ForTarget_AuthorizerOfAnyMethodRouteOrStage_IsOneKey()
    {
        ResolvedTarget authorizer = Target with { Kind = TargetKind.Authorizer, AuthorizerId = "abc123" };

        Assert.Single(new[]
        {
            Key(authorizer, kind: FindingKind.AuthorizerInvokePermission),
            Key(authorizer with { HttpMethod = "POST", ResourcePath = "/owners" }, kind: FindingKind.AuthorizerInvokePermission),
            Key(authorizer with { HttpMethod = null, ResourcePath = null, RouteKey = "$connect" }, kind: FindingKind.AuthorizerInvokePermission),
            Key(authorizer, StageScope.Stage, FindingKind.AuthorizerInvokePermission),
            Key(authorizer with { Stage = "dev" }, StageScope.Stage, FindingKind.AuthorizerInvokePermission),
        }.Distinct(StringComparer.Ordinal));
    }

    // SHA-256 of "remediator-function-v1|13:FunctionError|51:arn:aws:lambda:us-east-1:123456789012:function:pets|-1:".
    [Fact]
    public void ForFunction_KnownFunction_IsPinned() =>
        Assert.Equal("9eb2b4e03eba1dbe28da2a1578adbf763d8d8410cf28e74eda6babd7df971837", FunctionKey(Pets));

    [Fact]
    public void ForFunction_KindFunctionAndQualifierMatter()
    {
        string[] keys =
        [
            FunctionKey(Pets),
            FunctionKey(Pets, FindingKind.HandlerNotFound),
            FunctionKey(Pets + ":live"),
            FunctionKey(Pets + ":7"),
            FunctionKey("arn:aws:lambda:us-east-1:123456789012:function:other"),
            FunctionKey("arn:aws:lambda:eu-west-1:123456789012:function:pets"),
            FunctionKey("arn:aws:lambda:us-east-1:210987654321:function:pets"),
            RootCauseKey.ForTarget(FindingKind.FunctionError, Target, StageScope.Any),
        ];

        Assert.Equal(keys.Length, keys.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void ForTarget_IsSixtyFourLowerCaseHexCharacters() =>
        Assert.Matches("^[0-9a-f]{64}$", Key(Target));

    private static string FunctionKey(string arn, FindingKind kind = FindingKind.FunctionError) =>
        RootCauseKey.ForFunction(kind, LambdaFunctionArn.Parse(arn).Value!);
}
