using System.Text.Json;
using Remediator.Aws.Composition;
using Remediator.Aws.Config;
using Remediator.Aws.Credentials;
using Remediator.Emulation.Credentials;

namespace Remediator.Sandbox.Tests.TestSupport;

/// <summary>Short helpers that seed common resources over the real wire protocols.</summary>
public static class SandboxApi
{
    public const string Account = "000000000000";
    public const string Region = "us-east-1";

    /// <summary>Remediator's own wire clients, pointed at a sandbox with its test credentials.</summary>
    public static AwsClients OwnClients(Uri baseUrl) => AwsClients.Create(
        AwsEnvironment.FromDictionary(new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = baseUrl.ToString() }),
        new AwsClientSettings { Region = Region, Credentials = new StaticCredentialsProvider(new AwsCredentials("test", "test")) });

    public static string FunctionArn(string name) => $"arn:aws:lambda:{Region}:{Account}:function:{name}";

    public static string LambdaUri(string functionArn) =>
        $"arn:aws:apigateway:{Region}:lambda:path/2015-03-31/functions/{functionArn}/invocations";

    public static async Task<WireResponse> CreateFunctionAsync(this SignedClient client, string name, bool publish = false) =>
        Ok(await client.RestAsync("lambda", HttpMethod.Post, "/2015-03-31/functions", $$"""
            {"FunctionName":"{{name}}","Runtime":"python3.12","Handler":"h.handler","Role":"arn:aws:iam::{{Account}}:role/r",
             "Code":{"ZipFile":"UEsDBAoAAAAAAA=="},"Publish":{{(publish ? "true" : "false")}}}
            """));

    public static async Task<WireResponse> CreateAliasAsync(this SignedClient client, string function, string alias, string version) =>
        Ok(await client.RestAsync("lambda", HttpMethod.Post, $"/2015-03-31/functions/{function}/aliases", $$"""{"Name":"{{alias}}","FunctionVersion":"{{version}}"}"""));

    public static Task<WireResponse> AddPermissionAsync(this SignedClient client, string function, string sid, string? sourceArn, string? qualifier = null, string? revisionId = null)
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, string?>
        {
            ["StatementId"] = sid,
            ["Action"] = "lambda:InvokeFunction",
            ["Principal"] = "apigateway.amazonaws.com",
            ["SourceArn"] = sourceArn,
            ["RevisionId"] = revisionId,
        }.Where(p => p.Value is not null).ToDictionary());
        return client.RestAsync("lambda", HttpMethod.Post, $"/2015-03-31/functions/{Uri.EscapeDataString(function)}/policy{Qualifier(qualifier)}", body);
    }

    public static Task<WireResponse> GetPolicyAsync(this SignedClient client, string function, string? qualifier = null) =>
        client.RestAsync("lambda", HttpMethod.Get, $"/2015-03-31/functions/{Uri.EscapeDataString(function)}/policy{Qualifier(qualifier)}");

    /// <summary>A REST API with <c>GET /pets/{id}</c> proxied to <paramref name="integrationUri"/>, deployed to <paramref name="stage"/>.</summary>
    public static async Task<(string ApiId, string ResourceId)> CreatePetsApiAsync(this SignedClient client, string integrationUri, string stage = "prod", string authorization = "NONE", string? authorizerId = null, string? apiId = null, string? credentials = null)
    {
        apiId ??= (await client.CreateRestApiAsync("pets")).ApiId;
        var root = Ok(await client.RestAsync("apigateway", HttpMethod.Get, $"/restapis/{apiId}/resources")).Json.GetProperty("item")[0].GetProperty("id").GetString();
        var pets = Ok(await client.RestAsync("apigateway", HttpMethod.Post, $"/restapis/{apiId}/resources/{root}", """{"pathPart":"pets"}""")).Json.GetProperty("id").GetString();
        var id = Ok(await client.RestAsync("apigateway", HttpMethod.Post, $"/restapis/{apiId}/resources/{pets}", """{"pathPart":"{id}"}""")).Json.GetProperty("id").GetString()!;
        var method = authorizerId is null ? $$"""{"authorizationType":"{{authorization}}"}""" : $$"""{"authorizationType":"{{authorization}}","authorizerId":"{{authorizerId}}"}""";
        Ok(await client.RestAsync("apigateway", HttpMethod.Put, $"/restapis/{apiId}/resources/{id}/methods/GET", method));
        Ok(await client.RestAsync("apigateway", HttpMethod.Put, $"/restapis/{apiId}/resources/{id}/methods/GET/integration", JsonSerializer.Serialize(new Dictionary<string, string?> { ["type"] = "AWS_PROXY", ["httpMethod"] = "POST", ["uri"] = integrationUri, ["credentials"] = credentials }.Where(p => p.Value is not null).ToDictionary())));
        Ok(await client.RestAsync("apigateway", HttpMethod.Post, $"/restapis/{apiId}/deployments", $$"""{"stageName":"{{stage}}"}"""));
        return (apiId, id);
    }

    /// <summary>Declares through the test hook that <paramref name="roleArn"/> may invoke the functions <paramref name="functionArn"/> matches.</summary>
    public static async Task<WireResponse> AllowRoleAsync(this SignedClient client, string roleArn, string functionArn) =>
        await client.PlainAsync(HttpMethod.Post, "/_sandbox/role-permissions", JsonSerializer.Serialize(new { roleArn, functionArn }));

    /// <summary>Declares through the test hook which services <paramref name="roleArn"/>'s trust policy names.</summary>
    public static async Task<WireResponse> SetRoleTrustAsync(this SignedClient client, string roleArn, params string[] trustedServices) =>
        await client.PlainAsync(HttpMethod.Post, "/_sandbox/role-trust", JsonSerializer.Serialize(new { roleArn, trustedServices }));

    /// <summary>PutFunctionConcurrency (0 throttles every invocation).</summary>
    public static async Task<WireResponse> PutFunctionConcurrencyAsync(this SignedClient client, string function, int reserved) =>
        await client.RestAsync("lambda", HttpMethod.Put, $"/2017-10-31/functions/{function}/concurrency", $$"""{"ReservedConcurrentExecutions":{{reserved}}}""");

    /// <summary>Sets tags through the test hook, <c>aws:</c> keys included, as CloudFormation sets them on what a stack creates.</summary>
    public static async Task<WireResponse> TagAsAwsAsync(this SignedClient client, string resourceArn, params (string Key, string Value)[] tags) =>
        await client.PlainAsync(HttpMethod.Post, "/_sandbox/tags", JsonSerializer.Serialize(new { resourceArn, tags = tags.ToDictionary(t => t.Key, t => t.Value) }));

    public static async Task<(string ApiId, string RootId)> CreateRestApiAsync(this SignedClient client, string name)
    {
        var api = Ok(await client.RestAsync("apigateway", HttpMethod.Post, "/restapis", $$"""{"name":"{{name}}"}""")).Json;
        return (api.GetProperty("id").GetString()!, api.GetProperty("rootResourceId").GetString()!);
    }

    public static async Task<WireResponse> PatchStageAsync(this SignedClient client, string apiId, string stage, params (string Op, string Path, string Value)[] operations) =>
        await client.RestAsync("apigateway", new HttpMethod("PATCH"), $"/restapis/{apiId}/stages/{stage}", JsonSerializer.Serialize(new
        {
            patchOperations = operations.Select(o => new { op = o.Op, path = o.Path, value = o.Value }),
        }));

    /// <summary>UpdateStage <c>replace</c> operations in the CLI's JSON syntax (its shorthand cannot carry the braces of <c>{id}</c>).</summary>
    public static string CliPatch(params (string Path, string Value)[] operations) =>
        JsonSerializer.Serialize(operations.Select(o => new { op = "replace", path = o.Path, value = o.Value }));

    public static async Task<List<string>> LogMessagesAsync(this SignedClient client, string logGroup, string? filterPattern = null)
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, string?> { ["logGroupName"] = logGroup, ["filterPattern"] = filterPattern }.Where(p => p.Value is not null).ToDictionary());
        var response = await client.JsonAsync("logs", "Logs_20140328.FilterLogEvents", body);
        if (response.Status != 200)
        {
            return [];
        }

        return response.Json.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("message").GetString()!).ToList();
    }

    /// <summary>Fails the test with the body when a seeding call does not succeed.</summary>
    public static WireResponse Ok(WireResponse response)
    {
        Assert.True(response.Status is >= 200 and < 300, $"Seeding call failed: {response.Status} {response.ErrorCode} {response.Body}");
        return response;
    }

    private static string Qualifier(string? qualifier) => qualifier is null ? string.Empty : $"?Qualifier={Uri.EscapeDataString(qualifier)}";
}
