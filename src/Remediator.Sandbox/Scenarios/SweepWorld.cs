using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Remediator.Aws.Config;
using Remediator.Aws.Credentials;
using Remediator.Aws.Endpoints;
using Remediator.Aws.Http;
using Remediator.Emulation.Credentials;

namespace Remediator.Sandbox.Scenarios;

/// <summary>
/// The shape of an account for the scheduled sweep at scale (README, "Performance"): REST APIs whose every stage names
/// its own functions through a stage variable, and HTTP APIs on their <c>$default</c> stage.
/// </summary>
/// <param name="RestApis">REST APIs.</param>
/// <param name="Stages">Stages of each REST API (<c>prod</c>, <c>beta</c>, <c>dev</c>, then <c>s3</c>...), each deployed with <c>env</c> = its name.</param>
/// <param name="MethodsPerApi">Methods of each REST API (even): a GET and a POST on each of <c>/r0</c>, <c>/r1</c>...; every GET invokes
/// <c>svc{i}-read-${stageVariables.env}</c>, every POST <c>svc{i}-write-${stageVariables.env}</c>.</param>
/// <param name="HttpApis">HTTP APIs.</param>
/// <param name="RoutesPerHttpApi">Routes of each HTTP API, each with its own integration, alternating over two functions.</param>
/// <param name="MissingEvery">Every n-th REST API (the first included) has no permission for its first stage's functions; 0 for none.</param>
public sealed record SweepWorldShape(int RestApis, int Stages, int MethodsPerApi, int HttpApis, int RoutesPerHttpApi, int MissingEvery)
{
    /// <summary>Lambda targets the audit must judge: one per REST method per stage, one per HTTP route.</summary>
    public int Targets => (RestApis * Stages * MethodsPerApi) + (HttpApis * RoutesPerHttpApi);

    /// <summary>Targets whose function no policy lets API Gateway invoke.</summary>
    public int MissingTargets => (MissingEvery == 0 ? 0 : ((RestApis + MissingEvery - 1) / MissingEvery)) * MethodsPerApi;

    /// <summary>Stages the audit must read: every REST stage and each HTTP API's <c>$default</c>.</summary>
    public int StageCount => (RestApis * Stages) + HttpApis;
}

/// <summary>
/// Seeds a <see cref="SandboxServer"/> with a <see cref="SweepWorldShape"/> over the real wire protocols, with a signed
/// client that is not paced by the account quotas (seeding is not what a benchmark measures; seed before
/// <see cref="SandboxServer.EmulateQuotas"/> is turned on). Every function is tagged <c>remediator:managed=true</c>.
/// </summary>
public static class SweepWorld
{
    private const string Role = "arn:aws:iam::000000000000:role/lambda-role";
    private const string EmptyZip = "UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==";

    /// <summary>The name of REST stage <paramref name="index"/>.</summary>
    public static string StageName(int index) => index switch
    {
        0 => "prod",
        1 => "beta",
        2 => "dev",
        _ => "s" + index.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Seeds <paramref name="shape"/>, <paramref name="parallelism"/> APIs at a time; returns the SNS topic created for the digest.</summary>
    public static async Task<string> SeedAsync(SandboxServer sandbox, SweepWorldShape shape, int parallelism, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.MethodsPerApi % 2 != 0)
        {
            throw new ArgumentException("Methods come in GET/POST pairs.", nameof(shape));
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var endpoints = new AwsEndpointResolver(AwsEnvironment.FromDictionary(new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = sandbox.BaseUrl.ToString().TrimEnd('/') }));
        var client = new AwsHttpClient(
            http,
            new StaticCredentialsProvider(new AwsCredentials("test", "test")),
            sandbox.Region,
            service => endpoints.Resolve(service, sandbox.Region),
            new AwsRetryOptions(),
            TimeProvider.System);
        var seeder = new Seeder(client, sandbox.Region, sandbox.AccountId);
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, shape.RestApis), options, (i, ct) => new ValueTask(seeder.RestApiAsync(shape, i, ct))).ConfigureAwait(false);
        await Parallel.ForEachAsync(Enumerable.Range(0, shape.HttpApis), options, (j, ct) => new ValueTask(seeder.HttpApiAsync(shape, j, ct))).ConfigureAwait(false);
        return await seeder.TopicAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed class Seeder(AwsHttpClient client, string region, string account)
    {
        public async Task RestApiAsync(SweepWorldShape shape, int i, CancellationToken ct)
        {
            string service = "svc" + i.ToString("D4", CultureInfo.InvariantCulture);
            JsonElement api = await SendAsync(AwsService.ApiGateway, "CreateRestApi", HttpMethod.Post, "/restapis", new JsonObject { ["name"] = service }, ct).ConfigureAwait(false);
            string apiId = api.GetProperty("id").GetString()!;
            string root = api.GetProperty("rootResourceId").GetString()!;
            for (int r = 0; r < shape.MethodsPerApi / 2; r++)
            {
                JsonElement resource = await SendAsync(
                    AwsService.ApiGateway, "CreateResource", HttpMethod.Post, $"/restapis/{apiId}/resources/{root}", new JsonObject { ["pathPart"] = "r" + r.ToString(CultureInfo.InvariantCulture) }, ct).ConfigureAwait(false);
                string resourceId = resource.GetProperty("id").GetString()!;
                foreach ((string verb, string role) in new[] { ("GET", "read"), ("POST", "write") })
                {
                    string methodPath = $"/restapis/{apiId}/resources/{resourceId}/methods/{verb}";
                    await SendAsync(AwsService.ApiGateway, "PutMethod", HttpMethod.Put, methodPath, new JsonObject { ["authorizationType"] = "NONE" }, ct).ConfigureAwait(false);
                    await SendAsync(
                        AwsService.ApiGateway,
                        "PutIntegration",
                        HttpMethod.Put,
                        methodPath + "/integration",
                        new JsonObject { ["type"] = "AWS_PROXY", ["httpMethod"] = "POST", ["uri"] = InvokeUri($"{service}-{role}-${{stageVariables.env}}") },
                        ct).ConfigureAwait(false);
                }
            }

            for (int s = 0; s < shape.Stages; s++)
            {
                string stage = StageName(s);
                bool missing = shape.MissingEvery > 0 && s == 0 && i % shape.MissingEvery == 0;
                foreach (string role in new[] { "read", "write" })
                {
                    await FunctionAsync($"{service}-{role}-{stage}", missing ? null : $"{apiId}/{stage}/*/*", ct).ConfigureAwait(false);
                }

                await SendAsync(
                    AwsService.ApiGateway,
                    "CreateDeployment",
                    HttpMethod.Post,
                    $"/restapis/{apiId}/deployments",
                    new JsonObject { ["stageName"] = stage, ["variables"] = new JsonObject { ["env"] = stage } },
                    ct).ConfigureAwait(false);
            }
        }

        public async Task HttpApiAsync(SweepWorldShape shape, int j, CancellationToken ct)
        {
            string name = "web" + j.ToString("D4", CultureInfo.InvariantCulture);
            string apiId = (await SendAsync(AwsService.ApiGatewayV2, "CreateApi", HttpMethod.Post, "/v2/apis", new JsonObject { ["name"] = name, ["protocolType"] = "HTTP" }, ct).ConfigureAwait(false))
                .GetProperty("apiId").GetString()!;
            int functions = Math.Min(2, shape.RoutesPerHttpApi);
            for (int f = 0; f < functions; f++)
            {
                await FunctionAsync($"{name}-f{f}", $"{apiId}/*/*/*", ct).ConfigureAwait(false);
            }

            for (int r = 0; r < shape.RoutesPerHttpApi; r++)
            {
                string integrationId = (await SendAsync(
                    AwsService.ApiGatewayV2,
                    "CreateIntegration",
                    HttpMethod.Post,
                    $"/v2/apis/{apiId}/integrations",
                    new JsonObject { ["integrationType"] = "AWS_PROXY", ["integrationUri"] = FunctionArn($"{name}-f{r % 2}"), ["payloadFormatVersion"] = "2.0" },
                    ct).ConfigureAwait(false)).GetProperty("integrationId").GetString()!;
                await SendAsync(
                    AwsService.ApiGatewayV2,
                    "CreateRoute",
                    HttpMethod.Post,
                    $"/v2/apis/{apiId}/routes",
                    new JsonObject { ["routeKey"] = $"{(r % 2 == 0 ? "GET" : "POST")} /p{r / 2}", ["target"] = $"integrations/{integrationId}", ["authorizationType"] = "NONE" },
                    ct).ConfigureAwait(false);
            }

            await SendAsync(AwsService.ApiGatewayV2, "CreateStage", HttpMethod.Post, $"/v2/apis/{apiId}/stages", new JsonObject { ["stageName"] = "$default", ["autoDeploy"] = true }, ct).ConfigureAwait(false);
        }

        public async Task<string> TopicAsync(CancellationToken ct)
        {
            byte[] body = Encoding.UTF8.GetBytes("Action=CreateTopic&Version=2010-03-31&Name=remediator");
            AwsResponse response = await client.SendAsync(
                new AwsRequest(AwsService.Sns, "CreateTopic", HttpMethod.Post, "/", null, body, "application/x-www-form-urlencoded; charset=utf-8"), ct).ConfigureAwait(false);
            string xml = Encoding.UTF8.GetString(response.Body);
            int start = xml.IndexOf("<TopicArn>", StringComparison.Ordinal) + "<TopicArn>".Length;
            return xml[start..xml.IndexOf("</TopicArn>", StringComparison.Ordinal)];
        }

        /// <summary>A managed function; <paramref name="allowedFrom"/> (a source ARN under the account's execute-api) is granted unless null.</summary>
        private async Task FunctionAsync(string name, string? allowedFrom, CancellationToken ct)
        {
            await SendAsync(
                AwsService.Lambda,
                "CreateFunction",
                HttpMethod.Post,
                "/2015-03-31/functions",
                new JsonObject
                {
                    ["FunctionName"] = name,
                    ["Runtime"] = "python3.12",
                    ["Role"] = Role,
                    ["Handler"] = "app.handler",
                    ["Code"] = new JsonObject { ["ZipFile"] = EmptyZip },
                    ["Tags"] = new JsonObject { ["remediator:managed"] = "true" },
                },
                ct).ConfigureAwait(false);
            if (allowedFrom is not null)
            {
                await SendAsync(
                    AwsService.Lambda,
                    "AddPermission",
                    HttpMethod.Post,
                    $"/2015-03-31/functions/{name}/policy",
                    new JsonObject
                    {
                        ["StatementId"] = "console-added",
                        ["Action"] = "lambda:InvokeFunction",
                        ["Principal"] = "apigateway.amazonaws.com",
                        ["SourceArn"] = $"arn:aws:execute-api:{region}:{account}:{allowedFrom}",
                    },
                    ct).ConfigureAwait(false);
            }
        }

        private string FunctionArn(string name) => $"arn:aws:lambda:{region}:{account}:function:{name}";

        private string InvokeUri(string function) => $"arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{FunctionArn(function)}/invocations";

        private async Task<JsonElement> SendAsync(AwsService service, string operation, HttpMethod method, string path, JsonNode body, CancellationToken ct)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
            AwsResponse response = await client.SendAsync(new AwsRequest(service, operation, method, path, null, bytes, "application/json"), ct).ConfigureAwait(false);
            if (response.Body.Length == 0)
            {
                return default;
            }

            using JsonDocument document = JsonDocument.Parse(response.Body);
            return document.RootElement.Clone();
        }
    }
}
