using System.Reflection;
using Remediator.Core.Ports;
using Remediator.Sandbox.Tests.TestSupport;

namespace Remediator.Sandbox.Tests.Acceptance;

/// <summary>
/// API Gateway v1 answers in HAL (<c>_embedded</c>, <c>_links</c>) unless the request says
/// <c>Accept: application/json</c>; every v1 call Remediator's client makes must say it, as recorded on the wire.
/// </summary>
public sealed class ApiGatewayAcceptHeaderTests
{
    [Fact]
    public async Task ApiGatewayClient_EveryOperation_SendsAcceptApplicationJson()
    {
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { RecordExchanges = true });
        using var client = new SignedClient(server.BaseUrl);
        var (apiId, _) = await client.CreatePetsApiAsync(SandboxApi.LambdaUri(SandboxApi.FunctionArn("accept")));
        using var aws = SandboxApi.OwnClients(server.BaseUrl);
        var seeded = server.Exchanges.Count;

        // One call per method of the port, plus a missing API (the error path sends the same header).
        IApiGatewayClient v1 = aws.ApiGateway;
        await v1.GetRestApiAsync(apiId, CancellationToken.None);
        await v1.GetRestApiAsync("missing0", CancellationToken.None);
        await v1.GetRestApisAsync(CancellationToken.None);
        await v1.GetStageAsync(apiId, "prod", CancellationToken.None);
        await v1.GetStagesAsync(apiId, CancellationToken.None);
        await v1.GetStageDeploymentAsync(apiId, "prod", CancellationToken.None);
        await v1.GetAuthorizersAsync(apiId, CancellationToken.None);

        var sent = server.Exchanges.Skip(seeded).ToList();
        string[] operations = ["GetRestApi", "GetRestApis", "GetStage", "GetStages", "GetExport", "GetAuthorizers"];
        Assert.Equal(operations.Order(), sent.Select(e => e.Operation).Distinct().Order());
        Assert.All(sent, e => Assert.Equal(("apigateway", "application/json"), (e.Service, e.Header("Accept"))));

        // A method added to the port without a call above would escape this test: there are exactly six.
        Assert.Equal(operations.Length, typeof(IApiGatewayClient).GetMethods(BindingFlags.Public | BindingFlags.Instance).Length);
    }
}
