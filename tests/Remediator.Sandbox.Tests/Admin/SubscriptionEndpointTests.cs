using System.Net;
using System.Net.Sockets;
using Remediator.Core.Intake;
using Remediator.Sandbox.Tests.TestSupport;

namespace Remediator.Sandbox.Tests.Admin;

/// <summary><c>/_sandbox/subscriptions</c>: log events POSTed to an HTTP receiver as subscription payloads.</summary>
public sealed class SubscriptionEndpointTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private readonly SignedClient _client = sandbox.Client;

    [Fact]
    public async Task PostSubscription_UrlReceiver_GetsPayloadForPutLogEvents()
    {
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var received = ReceiveOneAsync(listener);

        var registered = await _client.PlainAsync(HttpMethod.Post, "/_sandbox/subscriptions", $$"""{"url":"http://127.0.0.1:{{port}}/logs","logGroupNamePrefix":"sub-http","filterPattern":"\"ERROR\"","filterName":"remediator"}""");
        await _client.JsonAsync("logs", "Logs_20140328.CreateLogGroup", """{"logGroupName":"sub-http"}""");
        await _client.JsonAsync("logs", "Logs_20140328.CreateLogStream", """{"logGroupName":"sub-http","logStreamName":"s"}""");
        await _client.JsonAsync("logs", "Logs_20140328.PutLogEvents", """{"logGroupName":"sub-http","logStreamName":"s","logEvents":[{"timestamp":1,"message":"ERROR boom"},{"timestamp":2,"message":"fine"}]}""");
        var listed = await _client.PlainAsync(HttpMethod.Get, "/_sandbox/subscriptions");
        await _client.PlainAsync(HttpMethod.Delete, "/_sandbox/subscriptions");

        Assert.Equal(201, registered.Status);
        Assert.Equal("remediator", listed.Json[0].GetProperty("filterName").GetString());
        var batch = SubscriptionPayloadDecoder.Decode(await received.WaitAsync(TimeSpan.FromSeconds(10))).Batch!;
        Assert.Equal("sub-http", batch.LogGroup);
        Assert.Equal("ERROR boom", Assert.Single(batch.LogEvents).Message);
    }

    [Fact]
    public async Task PostSubscription_WithoutUrl_Returns400()
    {
        var response = await _client.PlainAsync(HttpMethod.Post, "/_sandbox/subscriptions", """{"logGroupNamePrefix":"x"}""");

        Assert.Equal(400, response.Status);
    }

    private static async Task<string> ReceiveOneAsync(HttpListener listener)
    {
        var context = await listener.GetContextAsync();
        using var reader = new StreamReader(context.Request.InputStream);
        var body = await reader.ReadToEndAsync();
        context.Response.StatusCode = 200;
        context.Response.Close();
        return body;
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
