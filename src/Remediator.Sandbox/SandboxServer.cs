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
using Remediator.Sandbox.Faults;
using Remediator.Sandbox.Http;
using Remediator.Sandbox.Lambda;
using Remediator.Sandbox.Logs;
using Remediator.Sandbox.Sns;
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

    private SandboxServer(WebApplication app, SandboxEnvironment env, FaultInjector faults, StateFile? stateFile, Uri baseUrl)
    {
        _app = app;
        _env = env;
        _stateFile = stateFile;
        Faults = faults;
        BaseUrl = baseUrl;
    }

    /// <summary>Where the sandbox listens, e.g. <c>http://127.0.0.1:4566/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The account id in every ARN.</summary>
    public string AccountId => _env.AccountId;

    /// <summary>The region the sandbox serves.</summary>
    public string Region => _env.Region;

    /// <summary>Fault injection: the next N calls of an operation throttle, fail or wait.</summary>
    public FaultInjector Faults { get; }

    internal SandboxEnvironment Environment => _env;

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
        Func<CancellationToken, Task> persist = stateFile is null
            ? _ => Task.CompletedTask
            : ct => stateFile.SaveAsync(state.Snapshot(env.AccountId, env.Region), ct);
        var services = new ServiceDirectory(
        [
            new LambdaService(env), new RestApiService(env), new HttpApiService(env), new LogsService(env),
            new SnsService(env), new SsmService(env), new StsService(env),
        ]);
        var dispatcher = new SandboxDispatcher(
            env,
            services,
            new RequestAuthenticator(options.Credentials, options.Region, options.Clock, options.MaxClockSkew),
            faults,
            [new AdminChannel(env, faults, persist)],
            persist);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();
        app.Run(dispatcher.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SandboxServer(app, env, faults, stateFile, new Uri(address.EndsWith('/') ? address : address + "/"));
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
    }
}
