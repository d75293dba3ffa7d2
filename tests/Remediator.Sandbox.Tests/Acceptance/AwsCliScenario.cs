using System.IO.Compression;
using Remediator.Sandbox.Tests.TestSupport;

namespace Remediator.Sandbox.Tests.Acceptance;

/// <summary>
/// A sandbox seeded entirely with the official AWS CLI: function <c>orders</c> with alias <c>live</c> (version 1),
/// REST API <c>GET /orders/{id}</c> proxied to <c>orders:${stageVariables.alias}</c>, stage <c>prod</c> with
/// <c>alias=live</c> and INFO execution logs. No permission yet. CLI calls run one after another.
/// </summary>
public sealed class AwsCliScenario : IAsyncLifetime
{
    private readonly string _zip = Path.Combine(Path.GetTempPath(), $"handler-{Guid.NewGuid():N}.zip");

    public SandboxServer Server { get; private set; } = null!;

    public SignedClient Client { get; private set; } = null!;

    public AwsCli Cli { get; private set; } = null!;

    public string ApiId { get; private set; } = string.Empty;

    public string OrderResourceId { get; private set; } = string.Empty;

    public string FunctionArn => SandboxApi.FunctionArn("orders");

    public string IntegrationUri => SandboxApi.LambdaUri(FunctionArn + ":${stageVariables.alias}");

    public async Task InitializeAsync()
    {
        Server = await SandboxServer.StartAsync();
        Client = new SignedClient(Server.BaseUrl);
        Cli = new AwsCli(Server.BaseUrl);
        using (var archive = ZipFile.Open(_zip, ZipArchiveMode.Create))
        using (var writer = new StreamWriter(archive.CreateEntry("handler.py").Open()))
        {
            await writer.WriteAsync("def main(event, context):\n    return {'statusCode': 200, 'body': 'ok'}\n");
        }

        await Cli.RunAsync("lambda", "create-function", "--function-name", "orders", "--runtime", "python3.12", "--handler", "handler.main",
            "--role", "arn:aws:iam::000000000000:role/orders", "--zip-file", $"fileb://{_zip}", "--publish");
        await Cli.RunAsync("lambda", "create-alias", "--function-name", "orders", "--name", "live", "--function-version", "1");
        var api = (await Cli.RunAsync("apigateway", "create-rest-api", "--name", "orders-api"))!.Value;
        ApiId = api.GetProperty("id").GetString()!;
        var orders = (await Cli.RunAsync("apigateway", "create-resource", "--rest-api-id", ApiId, "--parent-id", api.GetProperty("rootResourceId").GetString()!, "--path-part", "orders"))!.Value.GetProperty("id").GetString()!;
        OrderResourceId = (await Cli.RunAsync("apigateway", "create-resource", "--rest-api-id", ApiId, "--parent-id", orders, "--path-part", "{id}"))!.Value.GetProperty("id").GetString()!;
        await Cli.RunAsync("apigateway", "put-method", "--rest-api-id", ApiId, "--resource-id", OrderResourceId, "--http-method", "GET", "--authorization-type", "NONE");
        await Cli.RunAsync("apigateway", "put-integration", "--rest-api-id", ApiId, "--resource-id", OrderResourceId, "--http-method", "GET", "--type", "AWS_PROXY",
            "--integration-http-method", "POST", "--uri", IntegrationUri);
        await Cli.RunAsync("apigateway", "create-deployment", "--rest-api-id", ApiId, "--stage-name", "prod");
        await Cli.RunAsync("apigateway", "update-stage", "--rest-api-id", ApiId, "--stage-name", "prod", "--patch-operations",
            "op=replace,path=/variables/alias,value=live", "op=replace,path=/*/*/logging/loglevel,value=INFO");
    }

    public async Task DisposeAsync()
    {
        Cli?.Dispose();
        Client?.Dispose();
        await Server.DisposeAsync();
        File.Delete(_zip);
    }
}
