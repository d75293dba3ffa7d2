using Amazon.DynamoDBv2;
using Remediator.Aws.Composition;
using Remediator.Aws.Config;
using Remediator.Aws.Credentials;
using Remediator.Aws.Endpoints;
using Remediator.Aws.Ledger;
using Remediator.Core.Configuration;
using Remediator.Core.Engine;
using Remediator.Core.Ledger;
using Remediator.Core.Ports;

namespace Remediator.Cli.Replay;

/// <summary>
/// The replay command's composition root: the engine over the wire clients of the account in the
/// environment (or the endpoint <c>AWS_ENDPOINT_URL</c> names), the ledger table when one is configured.
/// </summary>
internal sealed class ReplayHost : IDisposable
{
    private readonly AwsClients clients;
    private readonly IDisposable? dynamo;

    private ReplayHost(AwsClients clients, RemediationEngine engine, IDisposable? dynamo, string accountId)
    {
        this.clients = clients;
        this.dynamo = dynamo;
        Engine = engine;
        AccountId = accountId;
    }

    public RemediationEngine Engine { get; }

    public string AccountId { get; }

    public string Region => clients.Region;

    public static async Task<ReplayHost> CreateAsync(AwsEnvironment environment, RemediatorSettings settings, CancellationToken cancellationToken)
    {
        // Keys in the environment win, as in the SDK chain; reading them here keeps an injected environment authoritative.
        AwsClients clients = AwsClients.Create(
            environment,
            EnvironmentCredentialsProvider.IsAvailable(environment) ? new AwsClientSettings { Credentials = new EnvironmentCredentialsProvider(environment) } : null);
        try
        {
            CallerIdentity identity = await clients.Sts.GetCallerIdentityAsync(cancellationToken).ConfigureAwait(false);
            (ILedger ledger, AmazonDynamoDBClient? dynamo) = Ledger(clients, settings);
            var dependencies = new EngineDependencies
            {
                Lambda = clients.Lambda,
                RestApis = clients.ApiGateway,
                V2Apis = clients.ApiGatewayV2,
                Logs = clients.Logs,
                Ledger = ledger,
                Notifications = settings.TopicArn is null ? null : clients.Sns,
            };
            var engine = new RemediationEngine(dependencies, settings, new EngineOptions { AccountId = identity.Account, Region = clients.Region });
            return new ReplayHost(clients, engine, dynamo, identity.Account);
        }
        catch
        {
            clients.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        dynamo?.Dispose();
        clients.Dispose();
    }

    // Without a table the claims live in this process only: fine for a replay, not for racing a deployed Remediator.
    private static (ILedger Ledger, AmazonDynamoDBClient? Client) Ledger(AwsClients clients, RemediatorSettings settings)
    {
        if (settings.LedgerTable is null)
        {
            return (new InMemoryLedger(TimeProvider.System), null);
        }

        var client = new AmazonDynamoDBClient(
            new ProviderCredentials(clients.Credentials),
            new AmazonDynamoDBConfig { ServiceURL = clients.Endpoints.Resolve(AwsService.DynamoDb, clients.Region).ToString(), AuthenticationRegion = clients.Region });
        return (new DynamoDbLedger(client, settings.LedgerTable, TimeProvider.System), client);
    }
}
