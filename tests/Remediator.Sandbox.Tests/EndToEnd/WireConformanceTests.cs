using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Remediator.Core.Configuration;
using Remediator.Core.Decisions;
using Remediator.Core.Engine;
using Remediator.Sandbox.Http;

namespace Remediator.Sandbox.Tests.EndToEnd;

/// <summary>
/// Every request Remediator's signed wire clients send in end-to-end runs, checked against botocore's service
/// models, serializers, SigV4 signer and response parsers (tests/tools/botocore_conformance.py): the sandbox
/// decides nothing here, the models AWS publishes do.
/// </summary>
public class WireConformanceTests(SandboxAccount account) : IClassFixture<SandboxAccount>
{
    [Fact]
    public async Task EndToEndRuns_EveryRequestTheClientsSend_ConformsToBotocoresModels()
    {
        account.Reset();

        // REST: a stage variable, an authorizer, ERROR-level logs (FilterLogEvents read-back); HTTP: a route; a ticket.
        string pets = await account.CreateFunctionAsync("pets", publish: true);
        await account.CreateAliasAsync("pets", "live", "1");
        string authorizer = await account.CreateFunctionAsync("gate");
        (string rest, _) = await account.RestApi()
            .Authorizer("tokens", account.InvokeUri(authorizer))
            .Method("GET", "/pets/{id}", account.InvokeUri(pets + ":${stageVariables.alias}"))
            .Method("GET", "/secure", account.InvokeUri(pets + ":live"), authorizer: "tokens")
            .DeployAsync("prod", new Dictionary<string, string> { ["alias"] = "live" }, logLevel: "ERROR");
        await account.AllowApiAsync(pets, $"arn:aws:execute-api:{account.Region}:{account.AccountId}:{rest}/*/GET/secure", qualifier: "live");
        string items = await account.CreateFunctionAsync("items");
        (string http, _) = await account.HttpApi().Route("GET /items/{id}", items).DeployAsync();
        string role = "arn:aws:iam::000000000000:role/api-invoker";
        (string roleApi, _) = await account.RestApi("roles").Method("GET", "/orders", account.InvokeUri(items), credentials: role).DeployAsync("prod");
        await account.CallAsync(rest, "prod", "GET", "/pets/42");
        await account.CallAsync(rest, "prod", "GET", "/secure", new Dictionary<string, string> { ["Authorization"] = "Bearer x" });
        await account.CallAsync(http, "$default", "GET", "/items/7");
        await account.CallAsync(roleApi, "prod", "GET", "/orders");
        var settings = new RemediatorSettings { Mode = RemediatorMode.Enforce, TopicArn = await account.CreateTopicAsync(), SettleDelay = TimeSpan.Zero };
        await account.CreateAccountAliasAsync("pets-prod");

        // From here on every AWS call is the engine's own, through Remediator's wire clients.
        int mark = account.Server.Exchanges.Count;
        IReadOnlyList<EngineOutcome> outcomes = await EndToEndRuns.RemediateAsync(account, account.Engine(settings));

        Assert.Contains(outcomes, o => o.Outcome == RemediationOutcome.Fixed && o.ApiId == rest && o.AuthorizerId is null);
        Assert.Contains(outcomes, o => o.Outcome == RemediationOutcome.Fixed && o.AuthorizerId is not null);
        Assert.Contains(outcomes, o => o.Outcome == RemediationOutcome.Fixed && o.ApiId == http);
        Assert.Contains(outcomes, o => o.Outcome == RemediationOutcome.Ticket && o.ApiId == roleApi);
        List<SandboxExchange> sent = [.. account.Server.Exchanges.Skip(mark)];
        var report = await CheckAsync(sent);

        Assert.Equal(sent.Count, report.GetProperty("checked").GetInt32());
        Assert.True(report.GetProperty("problems").GetArrayLength() == 0, string.Join('\n', report.GetProperty("problems").EnumerateArray().Select(p => p.GetString())));
        string[] expected =
        [
            "apigateway:GetAuthorizers", "apigateway:GetExport", "apigateway:GetRestApi", "apigateway:GetStage",
            "apigatewayv2:GetApi", "apigatewayv2:GetIntegration", "apigatewayv2:GetRoutes", "apigatewayv2:GetStage",
            "lambda:AddPermission", "lambda:GetAlias", "lambda:GetPolicy", "lambda:ListTags", "logs:FilterLogEvents", "sns:Publish",
            "iam:ListAccountAliases",
        ];
        Assert.Empty(expected.Except(report.GetProperty("operations").EnumerateArray().Select(o => o.GetString())));
    }

    private static async Task<JsonElement> CheckAsync(IReadOnlyList<SandboxExchange> exchanges)
    {
        var recorded = new JsonArray([.. exchanges.Select(e => (JsonNode)new JsonObject
        {
            ["service"] = e.Service, ["operation"] = e.Operation, ["method"] = e.Method, ["rawTarget"] = e.RawTarget,
            ["headers"] = new JsonArray([.. e.Headers.Select(h => (JsonNode)new JsonArray(h.Key, h.Value))]),
            ["body"] = Convert.ToBase64String(e.Body), ["status"] = e.Status,
            ["responseHeaders"] = new JsonObject([.. e.ResponseHeaders.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)h.Value))]),
            ["responseBody"] = Convert.ToBase64String(e.ResponseBody),
        })]);
        var info = new ProcessStartInfo("python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(Root(), "tests", "tools", "botocore_conformance.py"));
        using var process = Process.Start(info)!;
        await process.StandardInput.WriteAsync(recorded.ToJsonString());
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"botocore_conformance.py exited {process.ExitCode}:\n{await error}");
        using var document = JsonDocument.Parse(await output);
        return document.RootElement.Clone();
    }

    private static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Remediator.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No Remediator.sln above the test binaries.");
    }
}
