using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Remediator.Core.Policy;
using Remediator.Sandbox.DataPlane;
using Remediator.Sandbox.Lambda;

namespace Remediator.Sandbox.Tests.DataPlane;

/// <summary>
/// The sandbox's own invoke judge against the product's <see cref="PolicyEvaluator"/>: two implementations written
/// apart must give the same verdict on every policy inside the judge's subset (the shape Lambda's AddPermission
/// stores), and the judge must refuse what lies outside it.
/// </summary>
public sealed class ApiGatewayInvokeJudgeTests
{
    private const string Account = "000000000000";
    private const string OtherAccount = "111122223333";
    private const string Function = "arn:aws:lambda:us-east-1:000000000000:function:pets";

    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(2000);

    private static readonly Gen<string> Invoked = Gen.Elements(Function, Function + ":live", Function + ":3");
    private static readonly Gen<string> Segment = Gen.Elements("pets", "prod", "GET", "POST", "*", "{id}", "42", "$default", "authorizers", "a1b2");

    /// <summary>An execute-api ARN as API Gateway presents it: <c>{api}/{stage}/{method}/{path…}</c>.</summary>
    private static readonly Gen<string> SourceArn =
        from account in Gen.Elements(Account, OtherAccount)
        from api in Gen.Elements("a1b2c3", "zz9")
        from stage in Gen.Elements("prod", "dev")
        from method in Gen.Elements("GET", "POST", "$default")
        from path in Gen.Elements("pets", "pets/42", "pets/42/toys", string.Empty)
        select $"arn:aws:execute-api:us-east-1:{account}:{api}/{stage}/{method}/{path}";

    private static readonly Gen<Request> Requests =
        from function in Invoked
        from source in SourceArn
        from account in Gen.Frequency((4, Gen.Constant(Account)), (1, Gen.Constant(OtherAccount)))
        select new Request(function, source, account);

    [Fact]
    public void Allows_AnyPolicyInTheSubset_AgreesWithPolicyEvaluator()
    {
        var verdicts = new int[2];
        var cases = from request in Requests
                    from statements in Statement(request).ListOf().Select(s => s.Take(4).ToList())
                    select (request, statements);

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var elements = c.statements.Select(s => JsonSerializer.SerializeToElement(s)).ToList();
            var judged = ApiGatewayInvokeJudge.Allows(elements, c.request.FunctionArn, c.request.SourceArn, c.request.Account);
            var document = elements.Count == 0 ? null : LambdaPolicyDocument.Document(elements);
            var evaluated = PolicyEvaluator.Evaluate(document, AuthorizationRequest.ApiGatewayInvoke(c.request.FunctionArn, c.request.SourceArn, c.request.Account));
            Assert.True(evaluated.IsSuccess, evaluated.Error);
            verdicts[judged ? 1 : 0]++;
            return judged == evaluated.Value!.IsAllowed;
        }).Check(Config);

        // The generator reaches both verdicts often, or the agreement would prove little.
        Assert.True(verdicts[0] > 200 && verdicts[1] > 200, $"refused {verdicts[0]}, allowed {verdicts[1]}");
    }

    [Theory]
    [InlineData("principal *", """{"Effect":"Allow","Principal":"*","Action":"lambda:InvokeFunction","Resource":"{fn}"}""")]
    [InlineData("principal list", """{"Effect":"Allow","Principal":{"Service":["apigateway.amazonaws.com"]},"Action":"lambda:InvokeFunction","Resource":"{fn}"}""")]
    [InlineData("action wildcard", """{"Effect":"Allow","Principal":{"Service":"apigateway.amazonaws.com"},"Action":"lambda:*","Resource":"{fn}"}""")]
    [InlineData("resource wildcard", """{"Effect":"Allow","Principal":{"Service":"apigateway.amazonaws.com"},"Action":"lambda:InvokeFunction","Resource":"arn:aws:lambda:us-east-1:000000000000:function:*"}""")]
    [InlineData("StringLike", """{"Effect":"Allow","Principal":{"Service":"apigateway.amazonaws.com"},"Action":"lambda:InvokeFunction","Resource":"{fn}","Condition":{"StringLike":{"AWS:SourceArn":"*"}}}""")]
    [InlineData("NotAction", """{"Effect":"Allow","Principal":{"Service":"apigateway.amazonaws.com"},"NotAction":"lambda:GetPolicy","Resource":"{fn}"}""")]
    public void Allows_StatementOutsideTheSubsetThatIamWouldHonour_Refuses(string why, string statement)
    {
        var element = JsonSerializer.Deserialize<JsonElement>(statement.Replace("{fn}", Function, StringComparison.Ordinal));
        const string source = "arn:aws:execute-api:us-east-1:000000000000:a1b2c3/prod/GET/pets";

        var evaluated = PolicyEvaluator.Evaluate(LambdaPolicyDocument.Document([element]), AuthorizationRequest.ApiGatewayInvoke(Function, source, Account));

        // The product's evaluator reads these as IAM does; the judge refuses them: it fails closed by design.
        Assert.True(evaluated.Value!.IsAllowed, why);
        Assert.False(ApiGatewayInvokeJudge.Allows([element], Function, source, Account), why);
    }

    [Fact]
    public void Allows_AnyDenyInThePolicy_Refuses()
    {
        const string source = "arn:aws:execute-api:us-east-1:000000000000:a1b2c3/prod/GET/pets";
        var allow = JsonSerializer.SerializeToElement(Grant(Function, null));
        var deny = JsonSerializer.Deserialize<JsonElement>("""{"Effect":"Deny","Principal":{"Service":"sns.amazonaws.com"},"Action":"lambda:InvokeFunction","Resource":"x"}""");

        Assert.True(ApiGatewayInvokeJudge.Allows([allow], Function, source, Account));
        Assert.False(ApiGatewayInvokeJudge.Allows([allow, deny], Function, source, Account));
    }

    /// <summary>One statement in the judge's subset, often close to one that allows <paramref name="request"/>.</summary>
    private static Gen<JsonObject> Statement(Request request) =>
        from principal in Gen.Frequency((6, Gen.Constant("apigateway.amazonaws.com")), (1, Gen.Constant("sns.amazonaws.com")), (1, Gen.Constant("AWS")))
        from action in Gen.Frequency((6, Gen.Constant("lambda:InvokeFunction")), (1, Gen.Constant("lambda:invokefunction")), (1, Gen.Constant("lambda:GetPolicy")))
        from resource in Gen.Frequency((5, Gen.Constant(request.FunctionArn)), (2, Invoked))
        from conditions in Condition(request).ListOf().Select(c => c.Take(3).ToList())
        select Statement(principal, action, resource, conditions);

    private static JsonObject Statement(string principal, string action, string resource, List<(string Operator, string Key, JsonNode Value)> conditions)
    {
        var statement = new JsonObject
        {
            ["Sid"] = "s",
            ["Effect"] = "Allow",
            ["Principal"] = principal == "AWS"
                ? new JsonObject { ["AWS"] = $"arn:aws:iam::{OtherAccount}:root" }
                : new JsonObject { ["Service"] = principal },
            ["Action"] = action,
            ["Resource"] = resource,
        };
        var condition = new JsonObject();
        foreach (var (op, key, value) in conditions)
        {
            var block = condition[op] as JsonObject ?? new JsonObject();
            condition[op] = block;

            // A key twice in one block is not JSON a policy can hold; keep the first.
            if (!block.ContainsKey(key))
            {
                block[key] = value.DeepClone();
            }
        }

        if (condition.Count > 0)
        {
            statement["Condition"] = condition;
        }

        return statement;
    }

    private static JsonObject Grant(string function, string? sourceArn) =>
        Statement("apigateway.amazonaws.com", "lambda:InvokeFunction", function,
            sourceArn is null ? [] : [("ArnLike", "AWS:SourceArn", JsonValue.Create(sourceArn))]);

    private static Gen<(string, string, JsonNode)> Condition(Request request) =>
        Gen.OneOf(
            from key in Gen.Elements("AWS:SourceAccount", "aws:sourceaccount")
            from op in Gen.Elements("StringEquals", "StringEquals", "ArnLike")
            from values in Gen.Elements(request.Account, Account, OtherAccount, "00000000000*").NonEmptyListOf()
            select (op, key, Values(values)),
            from key in Gen.Elements("AWS:SourceArn", "aws:SourceArn")
            from op in Gen.Frequency((4, Gen.Constant("ArnLike")), (1, Gen.Constant("StringEquals")))
            from values in ArnPattern(request.SourceArn).NonEmptyListOf()
            select (op, key, Values(values)),
            from value in Gen.Elements("token", request.Account)
            select ("StringEquals", "lambda:EventSourceToken", (JsonNode)JsonValue.Create(value)));

    private static JsonNode Values(IList<string> values) =>
        values.Count == 1 ? JsonValue.Create(values[0]) : new JsonArray([.. values.Take(3).Select(v => (JsonNode)JsonValue.Create(v))]);

    /// <summary>A six-part ARN pattern derived from <paramref name="arn"/>: parts kept, widened, narrowed or changed.</summary>
    private static Gen<string> ArnPattern(string arn)
    {
        var parts = arn.Split(':', 6);
        var resource = parts[5].Split('/');
        var head = parts.Take(5).Select(part => Gen.Frequency(
            (8, Gen.Constant(part)),
            (1, Gen.Constant("*")),
            (1, Gen.Constant(part.Length > 1 ? part[..^1] + "?" : "?")),
            (1, Gen.Elements("us-west-2", OtherAccount, "lambda"))));
        var tail = resource.Select(segment => Gen.Frequency(
            (6, Gen.Constant(segment)),
            (2, Gen.Constant("*")),
            (1, Gen.Constant(segment.Length > 0 ? "?" + segment[1..] : "?")),
            (1, Segment)));
        return from h in Gen.CollectToSequence(head)
               from t in Gen.CollectToSequence(tail)
               from cut in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
               let path = string.Join('/', cut && t.Count() > 1 ? t.Take(t.Count() - 1).Append("*") : t)
               select string.Join(':', h.Append(path));
    }

    private sealed record Request(string FunctionArn, string SourceArn, string Account);
}
