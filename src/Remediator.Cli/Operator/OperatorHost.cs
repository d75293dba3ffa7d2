using Amazon.DynamoDBv2;
using Remediator.Aws.Composition;
using Remediator.Aws.Config;
using Remediator.Aws.Credentials;
using Remediator.Aws.Endpoints;
using Remediator.Aws.Ledger;
using Remediator.Cli.Replay;
using Remediator.Core.Configuration;
using Remediator.Core.Ledger;
using Remediator.Core.Ports;

namespace Remediator.Cli.Operator;

/// <summary>
/// The account an operator command works on: the wire clients of the account in the environment (or the endpoint
/// <c>AWS_ENDPOINT_URL</c> names), its id from STS, and the ledger the settings name (the DynamoDB table when
/// <c>REMEDIATOR_LEDGER_TABLE</c> is set, else a process-local one).
/// </summary>
internal sealed class OperatorHost : IDisposable
{
    private readonly IDisposable? dynamo;

    private OperatorHost(AwsClients clients, ILedger ledger, IDisposable? dynamo, string accountId)
    {
        Clients = clients;
        Ledger = ledger;
        this.dynamo = dynamo;
        AccountId = accountId;
    }

    public AwsClients Clients { get; }

    public ILedger Ledger { get; }

    public string AccountId { get; }

    public string Region => Clients.Region;

    /// <param name="ledger">A ledger to use instead of the one the settings name (tests).</param>
    public static async Task<OperatorHost> CreateAsync(AwsEnvironment environment, RemediatorSettings settings, ILedger? ledger, CancellationToken cancellationToken)
    {
        // Keys in the environment win, as in the SDK chain; reading them here keeps an injected environment authoritative.
        AwsClients clients = AwsClients.Create(
            environment,
            EnvironmentCredentialsProvider.IsAvailable(environment) ? new AwsClientSettings { Credentials = new EnvironmentCredentialsProvider(environment) } : null);
        try
        {
            CallerIdentity identity = await clients.Sts.GetCallerIdentityAsync(cancellationToken).ConfigureAwait(false);
            if (ledger is not null)
            {
                return new OperatorHost(clients, ledger, null, identity.Account);
            }

            (ILedger named, AmazonDynamoDBClient? dynamo) = NamedLedger(clients, settings);
            return new OperatorHost(clients, named, dynamo, identity.Account);
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
        Clients.Dispose();
    }

    // Without a table the claims live in this process only: fine for a replay, not for racing a deployed Remediator.
    private static (ILedger Ledger, AmazonDynamoDBClient? Client) NamedLedger(AwsClients clients, RemediatorSettings settings)
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
