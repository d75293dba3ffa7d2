using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Remediator.Lambda.Tests.TestSupport;

/// <summary>
/// A loopback DynamoDB for the ledger of one fresh record, answering the real SDK client in DynamoDB's JSON 1.0:
/// claims succeed as on an empty table (the update of a live record fails its condition, the put of a new one
/// succeeds), the hourly counters count, and every write that ends a lease (an outcome, a release:
/// <c>UpdateItem ... REMOVE leaseOwner</c>) is never answered, as when DynamoDB hangs at the worst moment.
/// </summary>
public sealed class HangingLedgerTable : IAsyncDisposable
{
    private const string JsonContentType = "application/x-amz-json-1.0";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _puts = new();
    private int _hung;
    private int _counted;

    private HangingLedgerTable(WebApplication app) => _app = app;

    /// <summary>The base URL, e.g. <c>http://127.0.0.1:5123</c>, for <c>AWS_ENDPOINT_URL_DYNAMODB</c>.</summary>
    public string Url { get; private set; } = "";

    /// <summary>Writes that ended a lease and were left unanswered.</summary>
    public int HungWrites => Volatile.Read(ref _hung);

    /// <summary>The bodies of the PutItem requests that created records (with their lease).</summary>
    public IReadOnlyList<string> Puts => [.. _puts];

    public static async Task<HangingLedgerTable> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        WebApplication app = builder.Build();
        var table = new HangingLedgerTable(app);
        app.Run(table.HandleAsync);
        await app.StartAsync();
        table.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return table;
    }

    /// <summary>The lease expiry (ms since the epoch) of the record created first.</summary>
    public long FirstLeaseExpiry()
    {
        using JsonDocument put = JsonDocument.Parse(Puts[0]);
        return long.Parse(put.RootElement.GetProperty("Item").GetProperty("leaseExpiresAt").GetProperty("N").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        string target = context.Request.Headers["X-Amz-Target"].ToString();
        using var reader = new StreamReader(context.Request.Body);
        string body = await reader.ReadToEndAsync(context.RequestAborted);
        string operation = target[(target.IndexOf('.', StringComparison.Ordinal) + 1)..];
        switch (operation)
        {
            case "UpdateItem" when body.Contains("REMOVE", StringComparison.Ordinal) && body.Contains("leaseOwner,", StringComparison.Ordinal):
                Interlocked.Increment(ref _hung);
                try
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up: what a hanging DynamoDB looks like from its side.
                }

                return;
            case "UpdateItem" when body.Contains("\"hour#", StringComparison.Ordinal):
                // An hourly counter: "ADD <counter> :one" answered with the counter after the add.
                string counter = System.Text.RegularExpressions.Regex.Match(body, @"ADD (\w+) :one").Groups[1].Value;
                int count = Interlocked.Increment(ref _counted);
                await ReplyAsync(context, 200, "{\"Attributes\":{\"" + counter + "\":{\"N\":\"" + count.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"}}}");
                return;
            case "UpdateItem" when body.Contains("intentStatementId = ", StringComparison.Ordinal):
                // The intent, written under the lease before AddPermission: applied.
                await ReplyAsync(context, 200, "{}");
                return;
            case "UpdateItem":
                await ReplyAsync(context, 400, """{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","message":"The conditional request failed"}""");
                return;
            case "PutItem":
                _puts.Enqueue(body);
                await ReplyAsync(context, 200, "{}");
                return;
            case "GetItem":
                await ReplyAsync(context, 200, "{}");
                return;
            default:
                await ReplyAsync(context, 400, $$"""{"__type":"com.amazonaws.dynamodb.v20120810#UnknownOperationException","message":"{{operation}}"}""");
                return;
        }
    }

    private static Task ReplyAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = JsonContentType;
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        return context.Response.WriteAsync(body);
    }
}
