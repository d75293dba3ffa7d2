using System.CommandLine;
using System.CommandLine.Invocation;
using System.Text.Json;
using System.Text.Json.Nodes;
using Remediator.Cli;
using Remediator.Core.Intake;
using Remediator.Emulation.Intake;
using static Remediator.Moto.Tests.Support.Boto3Steps;

namespace Remediator.Moto.Tests.Support;

/// <summary>What the moto tests share: boto3 steps for the usual resources, subscription payloads, and the CLI run in-process against moto.</summary>
public sealed class MotoWorld(MotoServer moto)
{
    public const string Region = "us-east-1";
    public const string Stage = "prod";

    public static string Account => MotoServer.AccountId;

    public MotoServer Moto { get; } = moto;

    /// <summary>The environment Remediator runs with: moto for every service, no OpsCenter (moto has none), no settle delay.</summary>
    public Dictionary<string, string> Environment(string tickets = "none") => new()
    {
        ["AWS_ENDPOINT_URL"] = Moto.Endpoint.ToString().TrimEnd('/'),
        ["AWS_REGION"] = Region,
        ["AWS_ACCESS_KEY_ID"] = "test",
        ["AWS_SECRET_ACCESS_KEY"] = "test",
        ["REMEDIATOR_SETTLE_SECONDS"] = "0",
        ["REMEDIATOR_TICKETS"] = tickets,
    };

    public static string FunctionArn(string name) => $"arn:aws:lambda:{Region}:{Account}:function:{name}";

    public static string InvokeUri(string functionArn) => $"arn:aws:apigateway:{Region}:lambda:path/2015-03-31/functions/{functionArn}/invocations";

    public Task<JsonElement> RunAsync(params JsonObject[] steps) => Boto3Steps.RunAsync(Moto.Endpoint, [.. steps]);

    /// <summary>The execution role, then a function its owner opted in to Remediator's fixes (README, "Security model").</summary>
    public static JsonObject[] Function(string name, bool publish = false) =>
    [
        Step("iam", "create_role", new JsonObject { ["RoleName"] = $"role-{name}", ["AssumeRolePolicyDocument"] = "{}" }, save: $"role_{name}"),
        Step("lambda", "create_function", new JsonObject
        {
            ["FunctionName"] = name, ["Runtime"] = "python3.12", ["Handler"] = "app.handler", ["Role"] = $"${{role_{name}.Role.Arn}}",
            ["Publish"] = publish, ["Tags"] = new JsonObject { ["remediator:managed"] = "true" },
        }, save: $"fn_{name}", zip: true),
    ];

    /// <summary>An HTTP API whose stage writes access logs to <paramref name="logGroup"/>, saved as <c>api</c>.</summary>
    public static JsonObject[] HttpApi(string logGroup) =>
    [
        Step("apigatewayv2", "create_api", new JsonObject { ["Name"] = "items", ["ProtocolType"] = "HTTP" }, save: "api"),
        Step("apigatewayv2", "create_stage", new JsonObject
        {
            ["ApiId"] = "${api.ApiId}", ["StageName"] = Stage,
            ["AccessLogSettings"] = new JsonObject { ["DestinationArn"] = $"arn:aws:logs:{Region}:{Account}:log-group:{logGroup}", ["Format"] = "$context.requestId" },
        }),
    ];

    /// <summary>A Lambda proxy integration of the API saved as <c>api</c> and a route to it.</summary>
    public static JsonObject[] Route(string routeKey, string functionArn, string save, string? credentialsArn = null, string? authorizer = null)
    {
        var integration = new JsonObject { ["ApiId"] = "${api.ApiId}", ["IntegrationType"] = "AWS_PROXY", ["IntegrationUri"] = functionArn, ["PayloadFormatVersion"] = "2.0" };
        if (credentialsArn is not null)
        {
            integration["CredentialsArn"] = credentialsArn;
        }

        var route = new JsonObject { ["ApiId"] = "${api.ApiId}", ["RouteKey"] = routeKey, ["Target"] = $"integrations/${{{save}_integration.IntegrationId}}" };
        if (authorizer is not null)
        {
            route["AuthorizationType"] = "CUSTOM";
            route["AuthorizerId"] = $"${{{authorizer}.AuthorizerId}}";
        }

        return [Step("apigatewayv2", "create_integration", integration, save: $"{save}_integration"), Step("apigatewayv2", "create_route", route, save: save)];
    }

    /// <summary>The subscription payload of one HTTP API access-log line.</summary>
    public static string AccessLogPayload(string logGroup, string apiId, string routeKey, string method, string path, string field, string text)
    {
        var line = new JsonObject
        {
            ["requestId"] = "Jd8yQhE2IAMEbXw=", ["apiId"] = apiId, ["stage"] = Stage, ["routeKey"] = routeKey, ["httpMethod"] = method,
            ["path"] = path, ["status"] = "500", [field] = text,
        };
        return Payload(logGroup, [line.ToJsonString()]);
    }

    /// <summary>A subscription payload of <paramref name="messages"/> in <paramref name="logGroup"/>.</summary>
    public static string Payload(string logGroup, IReadOnlyList<string> messages)
    {
        var events = messages.Select((m, i) => new LogEvent($"{i + 1}", 1763703252000 + i, m)).ToList();
        return SubscriptionPayloadEncoder.EncodePayload(new LogBatch(SubscriptionMessageType.DataMessage, Account, logGroup, "stream-1", ["remediator"], events));
    }

    /// <summary><c>remediator replay --output json</c> in-process; one JSON object per outcome.</summary>
    public (int ExitCode, IReadOnlyList<JsonElement> Outcomes, string Error) Replay(string payload, string mode, Dictionary<string, string>? environment = null)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, payload);
            var (code, output, error) = Cli((console, env) => Remediator.Cli.Commands.ReplayCommand.Create(console, env), environment ?? Environment(), "replay", "--input", file, "--mode", mode, "--output", "json");
            return (code, [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())], error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Runs one command built by <paramref name="create"/> as <c>remediator</c> does, returning exit code, stdout and stderr.</summary>
    public static (int ExitCode, string Output, string Error) Cli(Func<CliConsole, IReadOnlyDictionary<string, string>, Command> create, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole(() => new MemoryStream(), output, error);
        ParseResult parsed = new RootCommand { create(console, environment) }.Parse(args);
        int exitCode = parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The statements of a function's (or its alias's or version's) policy as boto3 reads it; none when it has no policy.</summary>
    public async Task<IReadOnlyList<JsonElement>> PolicyStatementsAsync(string function, string? qualifier = null)
    {
        var args = new JsonObject { ["FunctionName"] = function };
        if (qualifier is not null)
        {
            args["Qualifier"] = qualifier;
        }

        var read = await RunAsync(Step("lambda", "get_policy", args, save: "policy", expectError: true));
        JsonElement policy = read.GetProperty("policy");
        if (policy.TryGetProperty("ErrorCode", out _))
        {
            return [];
        }

        using var document = JsonDocument.Parse(policy.GetProperty("Policy").GetString()!);
        return [.. document.RootElement.GetProperty("Statement").EnumerateArray().Select(s => s.Clone())];
    }

    /// <summary>One HTTP API, route <c>GET /items</c> to function <c>items</c>, access logs to <paramref name="logGroup"/>; returns the API id.</summary>
    public async Task<string> SeedItemsApiAsync(string logGroup)
    {
        var seeded = await RunAsync([.. Function("items"), .. HttpApi(logGroup), .. Route("GET /items", FunctionArn("items"), "route")]);
        return seeded.GetProperty("api").GetProperty("ApiId").GetString()!;
    }
}
