using Remediator.Aws.Config;
using Remediator.Cli.Operator;
using Remediator.Core.Configuration;
using Remediator.Core.Engine;

namespace Remediator.Cli.Replay;

/// <summary>
/// The replay command's composition root: the engine over the operator host's wire clients and ledger.
/// </summary>
internal sealed class ReplayHost : IDisposable
{
    private readonly OperatorHost host;

    private ReplayHost(OperatorHost host, RemediationEngine engine)
    {
        this.host = host;
        Engine = engine;
    }

    public RemediationEngine Engine { get; }

    public string AccountId => host.AccountId;

    public string Region => host.Region;

    public static async Task<ReplayHost> CreateAsync(AwsEnvironment environment, RemediatorSettings settings, CancellationToken cancellationToken)
    {
        OperatorHost host = await OperatorHost.CreateAsync(environment, settings, ledger: null, cancellationToken).ConfigureAwait(false);
        var dependencies = new EngineDependencies
        {
            Lambda = host.Clients.Lambda,
            RestApis = host.Clients.ApiGateway,
            V2Apis = host.Clients.ApiGatewayV2,
            Logs = host.Clients.Logs,
            Ledger = host.Ledger,
            Notifications = settings.TopicArn is null ? null : host.Clients.Sns,
        };
        var engine = new RemediationEngine(dependencies, settings, new EngineOptions { AccountId = host.AccountId, Region = host.Region });
        return new ReplayHost(host, engine);
    }

    public void Dispose() => host.Dispose();
}
