using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Remediator.Sandbox.Admin;
using Remediator.Sandbox.ApiGateway;
using Remediator.Sandbox.ApiGatewayV2;
using Remediator.Sandbox.Auth;
using Remediator.Sandbox.DataPlane;
using Remediator.Sandbox.Faults;
using Remediator.Sandbox.Http;
using Remediator.Sandbox.Lambda;
using Remediator.Sandbox.Logs;
using Remediator.Sandbox.Sns;
using Remediator.Sandbox.Sqs;
using Remediator.Sandbox.Ssm;
using Remediator.Sandbox.State;
using Remediator.Sandbox.Sts;

namespace Remediator.Sandbox;

/// <summary>
/// A local AWS endpoint on 127.0.0.1 that speaks the real wire protocols of Lambda, API Gateway v1/v2,
/// CloudWatch Logs, SNS, SSM OpsCenter and STS, plus a simulated API Gateway data plane.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SandboxEnvironment _env;
    private readonly StateFile? _stateFile;
    private readonly LogSubscriptions _subscriptions;
    private readonly HttpClient _http;
    private readonly ConcurrentQueue<SandboxExchange> _exchanges;
    private bool _stopped;

    private readonly QuotaEmulator _quotas;

    private SandboxServer(WebApplication app, SandboxEnvironment env, FaultInjector faults, QuotaEmulator quotas, StateFile? stateFile, LogSubscriptions subscriptions, HttpClient http, Uri baseUrl, ConcurrentQueue<SandboxExchange> exchanges)
    {
        _quotas = quotas;
        _exchanges = exchanges;
        _app = app;
        _env = env;
        _stateFile = stateFile;
        _subscriptions = subscriptions;
        _http = http;
        Faults = faults;
        BaseUrl = baseUrl;
    }

    /// <summary>Where the sandbox listens, e.g. <c>http://127.0.0.1:4566/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The account id in every ARN.</summary>
    public string AccountId => _env.AccountId;

    /// <summary>The region the sandbox serves.</summary>
    public string Region => _env.Region;

    /// <summary>The AWS calls served so far, in arrival order; empty unless <see cref="SandboxOptions.RecordExchanges"/>.</summary>
    public IReadOnlyList<SandboxExchange> Exchanges => [.. _exchanges];

    /// <summary>Fault injection: the next N calls of an operation throttle, fail or wait.</summary>
    public FaultInjector Faults { get; }

    /// <summary>Whether AWS's account request quotas are enforced now (<see cref="SandboxOptions.EmulateQuotas"/> at start).</summary>
    public bool EmulateQuotas
    {
        get => _quotas.Enabled;
        set => _quotas.Enabled = value;
    }

    /// <summary>Starts a sandbox, loading the state file when one is configured and present.</summary>
    public static async Task<SandboxServer> StartAsync(SandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SandboxOptions();
        var state = new SandboxState();
        var env = new SandboxEnvironment(
            state,
            options.Clock,
            new IdGenerator(options.Seed is { } seed ? new Random(seed) : new Random()),
            options.AccountId,
            options.Region);
        var stateFile = options.StateFile is null ? null : new StateFile(options.StateFile);
        if (stateFile is not null)
        {
            await stateFile.LoadIfPresentAsync(state, cancellationToken).ConfigureAwait(false);
        }

        var faults = new FaultInjector();
        var quotas = new QuotaEmulator(options.Clock) { Enabled = options.EmulateQuotas };
        var exchanges = new ConcurrentQueue<SandboxExchange>();
        var subscriptions = new LogSubscriptions(env);
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        async Task AfterChangeAsync(CancellationToken ct)
        {
            await subscriptions.DeliverPendingAsync(ct).ConfigureAwait(false);
            if (stateFile is not null)
            {
                await stateFile.SaveAsync(state.Snapshot(env.AccountId, env.Region), ct).ConfigureAwait(false);
            }
        }
        var services = new ServiceDirectory(
        [
            new LambdaService(env), new RestApiService(env), new HttpApiService(env), new LogsService(env),
            new SnsService(env), new SsmService(env), new StsService(env), new SqsService(env),
        ]);
        var dispatcher = new SandboxDispatcher(
            env,
            services,
            new RequestAuthenticator(options.Credentials, options.Region, options.Clock, options.MaxClockSkew),
            faults,
            [new AdminChannel(env, faults, subscriptions, http, AfterChangeAsync), new DataPlaneChannel(env, AfterChangeAsync)],
            AfterChangeAsync,
            quotas,
            options.RecordExchanges ? exchanges.Enqueue : null);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, ManualLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();
        app.Run(dispatcher.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SandboxServer(app, env, faults, quotas, stateFile, subscriptions, http, new Uri(address.EndsWith('/') ? address : address + "/"), exchanges);
    }

    /// <summary>
    /// Delivers log events written to groups starting with <paramref name="logGroupNamePrefix"/> (and matching
    /// <paramref name="filterPattern"/>) to <paramref name="deliverAsync"/> as a CloudWatch Logs subscription
    /// payload, <c>{"awslogs":{"data":...}}</c>, before the request that wrote them is answered. Dispose to stop.
    /// </summary>
    public IDisposable SubscribeToLogs(
        Func<string, CancellationToken, Task> deliverAsync,
        string logGroupNamePrefix = "API-Gateway-Execution-Logs_",
        string? filterPattern = null,
        string filterName = "sandbox")
    {
        ArgumentNullException.ThrowIfNull(deliverAsync);
        var pattern = Remediator.Emulation.Logs.FilterPattern.Parse(filterPattern);
        return _subscriptions.Add(new LogSubscriber(filterName, logGroupNamePrefix, pattern, "callback", deliverAsync));
    }

    /// <summary>The whole state as JSON (what <c>GET /_sandbox/state</c> returns).</summary>
    public string StateJson() => System.Text.Encoding.UTF8.GetString(_env.State.Snapshot(_env.AccountId, _env.Region));

    /// <summary>Forgets all state and pending faults.</summary>
    public void Reset()
    {
        _env.State.Reset();
        Faults.Clear();
    }

    /// <summary>Stops listening and saves the state file when one is configured.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_stateFile is not null)
        {
            await _stateFile.SaveAsync(_env.State.Snapshot(_env.AccountId, _env.Region), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops (saving state) and releases the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stateFile?.Dispose();
        _http.Dispose();
    }
}
