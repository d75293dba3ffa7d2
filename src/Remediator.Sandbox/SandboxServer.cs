using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Remediator.Sandbox.Accounts;
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
    private readonly SandboxAccounts _accounts;
    private readonly SandboxEnvironment _env;
    private readonly StateFile? _stateFile;
    private readonly LogSubscriptions _subscriptions;
    private readonly HttpClient _http;
    private readonly ConcurrentQueue<SandboxExchange> _exchanges;
    private bool _stopped;

    private SandboxServer(WebApplication app, SandboxAccounts accounts, FaultInjector faults, StateFile? stateFile, HttpClient http, Uri baseUrl, ConcurrentQueue<SandboxExchange> exchanges)
    {
        _exchanges = exchanges;
        _app = app;
        _accounts = accounts;
        _env = accounts.Home.Env;
        _stateFile = stateFile;
        _subscriptions = accounts.Home.Subscriptions;
        _http = http;
        Faults = faults;
        BaseUrl = baseUrl;
    }

    /// <summary>Where the sandbox listens, e.g. <c>http://127.0.0.1:4566/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The home account's id: the admin endpoints, the data plane and the state file are its.</summary>
    public string AccountId => _env.AccountId;

    /// <summary>Every account served, the home account first (<see cref="SandboxOptions.OtherAccounts"/>).</summary>
    public IReadOnlyList<string> AccountIds => [.. _accounts.All.Select(a => a.AccountId)];

    /// <summary>The region the sandbox serves.</summary>
    public string Region => _env.Region;

    /// <summary>The AWS calls served so far, in arrival order; empty unless <see cref="SandboxOptions.RecordExchanges"/>.</summary>
    public IReadOnlyList<SandboxExchange> Exchanges => [.. _exchanges];

    /// <summary>Fault injection: the next N calls of an operation throttle, fail or wait.</summary>
    public FaultInjector Faults { get; }

    /// <summary>Whether AWS's account request quotas are enforced now (<see cref="SandboxOptions.EmulateQuotas"/> at start).</summary>
    public bool EmulateQuotas
    {
        get => _accounts.Home.Quotas.Enabled;
        set
        {
            foreach (var account in _accounts.All)
            {
                account.Quotas.Enabled = value;
            }
        }
    }

    /// <summary>Starts a sandbox, loading the state file when one is configured and present.</summary>
    public static async Task<SandboxServer> StartAsync(SandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SandboxOptions();
        var ids = new IdGenerator(options.Seed is { } seed ? new Random(seed) : new Random());
        var accounts = new SandboxAccounts();
        ServiceDirectory Services(SandboxEnvironment env) => new(
        [
            new LambdaService(env), new RestApiService(env), new HttpApiService(env), new LogsService(env),
            new SnsService(env), new SsmService(env), new StsService(env, accounts), new SqsService(env),
            new Iam.IamService(env),
        ]);
        accounts.Add(
            new SandboxAccount(new SandboxEnvironment(new SandboxState(), options.Clock, ids, options.AccountId, options.Region), Services, new QuotaEmulator(options.Clock) { Enabled = options.EmulateQuotas }, options.Roles),
            options.Credentials);
        foreach (var other in options.OtherAccounts)
        {
            accounts.Add(
                new SandboxAccount(new SandboxEnvironment(new SandboxState(), options.Clock, ids, other.AccountId, options.Region), Services, new QuotaEmulator(options.Clock) { Enabled = options.EmulateQuotas }, other.Roles),
                other.Credentials);
        }

        var home = accounts.Home;
        var state = home.Env.State;
        var stateFile = options.StateFile is null ? null : new StateFile(options.StateFile);
        if (stateFile is not null)
        {
            await stateFile.LoadIfPresentAsync(state, cancellationToken).ConfigureAwait(false);
        }

        var faults = new FaultInjector();
        var exchanges = new ConcurrentQueue<SandboxExchange>();
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        async Task AfterChangeAsync(CancellationToken ct)
        {
            foreach (var account in accounts.All)
            {
                await account.Subscriptions.DeliverPendingAsync(ct).ConfigureAwait(false);
            }

            if (stateFile is not null)
            {
                await stateFile.SaveAsync(state.Snapshot(home.Env.AccountId, home.Env.Region), ct).ConfigureAwait(false);
            }
        }

        var dispatcher = new SandboxDispatcher(
            accounts,
            new RequestAuthenticator(accounts.Credentials, options.Region, options.Clock, options.MaxClockSkew),
            faults,
            [new AdminChannel(home.Env, faults, home.Subscriptions, http, AfterChangeAsync), new DataPlaneChannel(home.Env, AfterChangeAsync)],
            AfterChangeAsync,
            options.RecordExchanges ? exchanges.Enqueue : null);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, ManualLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();
        app.Run(dispatcher.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SandboxServer(app, accounts, faults, stateFile, http, new Uri(address.EndsWith('/') ? address : address + "/"), exchanges);
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

    /// <summary>The state of account <paramref name="accountId"/> as JSON, in the form of <see cref="StateJson()"/>.</summary>
    public string StateJson(string accountId)
    {
        var account = _accounts.Find(accountId) ?? throw new ArgumentException($"The sandbox does not serve account {accountId}.", nameof(accountId));
        return System.Text.Encoding.UTF8.GetString(account.Env.State.Snapshot(account.AccountId, account.Env.Region));
    }

    /// <summary>Forgets all state (of every account) and pending faults.</summary>
    public void Reset()
    {
        foreach (var account in _accounts.All)
        {
            account.Env.State.Reset();
        }

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
