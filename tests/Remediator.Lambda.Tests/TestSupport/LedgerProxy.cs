using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Remediator.Lambda.Tests.TestSupport;

/// <summary>
/// A loopback HTTP proxy in front of dynalite that numbers every DynamoDB call the function makes and can lose the
/// answer of one: the call is applied by dynalite, <see cref="AnswerLost"/> runs (a test kills the function there),
/// and the connection closes without the answer.
/// </summary>
public sealed class LedgerProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _upstream = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly Uri _dynalite;
    private readonly List<string> _calls = [];
    private readonly Lock _gate = new();
    private int _loseCall = -1;

    private LedgerProxy(WebApplication app, Uri dynalite)
    {
        _app = app;
        _dynalite = dynalite;
    }

    /// <summary>The value for <c>AWS_ENDPOINT_URL_DYNAMODB</c>.</summary>
    public string Endpoint { get; private set; } = "";

    /// <summary>The DynamoDB operations (<c>X-Amz-Target</c> without its prefix) forwarded so far, in order.</summary>
    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Runs when the answer of the call chosen by <see cref="LoseAnswerOf"/> is about to be lost.</summary>
    public Action? AnswerLost { get; set; }

    public static async Task<LedgerProxy> StartAsync(Uri dynalite)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        WebApplication app = builder.Build();
        var proxy = new LedgerProxy(app, dynalite);
        app.Run(proxy.ForwardAsync);
        await app.StartAsync();
        proxy.Endpoint = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return proxy;
    }

    /// <summary>Loses the answer of call number <paramref name="index"/> (0-based, counted from now on in <see cref="Calls"/>).</summary>
    public void LoseAnswerOf(int index) => Volatile.Write(ref _loseCall, index);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(_dynalite, context.Request.Path + context.Request.QueryString))
        {
            Content = new ByteArrayContent(body.ToArray()),
        };
        foreach ((string name, Microsoft.Extensions.Primitives.StringValues values) in context.Request.Headers)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase) || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string>)values))
            {
                request.Content.Headers.TryAddWithoutValidation(name, (IEnumerable<string>)values);
            }
        }

        string target = context.Request.Headers["X-Amz-Target"].ToString();
        int index;
        lock (_gate)
        {
            index = _calls.Count;
            _calls.Add(target.Replace("DynamoDB_20120810.", string.Empty, StringComparison.Ordinal));
        }

        using HttpResponseMessage response = await _upstream.SendAsync(request, context.RequestAborted);
        byte[] answer = await response.Content.ReadAsByteArrayAsync(context.RequestAborted);
        if (index == Volatile.Read(ref _loseCall))
        {
            AnswerLost?.Invoke();
            context.Abort();
            return;
        }

        context.Response.StatusCode = (int)response.StatusCode;
        foreach ((string name, IEnumerable<string> values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && !name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        context.Response.ContentLength = answer.Length;
        await context.Response.Body.WriteAsync(answer, context.RequestAborted);
    }
}
