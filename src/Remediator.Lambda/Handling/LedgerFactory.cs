using Amazon.DynamoDBv2;
using Remediator.Aws.Composition;
using Remediator.Aws.Endpoints;
using Remediator.Aws.Ledger;
using Remediator.Core.Configuration;
using Remediator.Core.Ledger;
using Remediator.Core.Ports;

namespace Remediator.Lambda.Handling;

/// <summary>The ledger the settings ask for: DynamoDB when a table is named, in memory otherwise.</summary>
internal static class LedgerFactory
{
    // Well inside any sensible function timeout; the invocation's own cancellation cuts it shorter.
    private static readonly TimeSpan DynamoDbTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Builds the ledger; <paramref name="owned"/> receives what must be disposed with it.</summary>
    /// <remarks>The DynamoDB ledger is a <see cref="DeferredLedger"/>: its endpoint is resolved now, so an
    /// unusable URL is still an init error, but the SDK client is built by the first ledger call.</remarks>
    public static ILedger Create(RemediatorSettings settings, AwsClients clients, TimeProvider clock, ICollection<IDisposable> owned)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(owned);
        if (settings.LedgerTable is not { } table)
        {
            // Local runs only: a Lambda without a table forgets claims and the hourly cap on every cold start.
            return new InMemoryLedger(clock);
        }

        string serviceUrl = DynamoDbServiceUrl(clients);
        var ledger = new DeferredLedger(ledgerOwned => CreateDynamoDb(clients, serviceUrl, table, clock, ledgerOwned));
        owned.Add(ledger);
        return ledger;
    }

    /// <summary>The DynamoDB endpoint resolved exactly as for every other client: AWS_ENDPOINT_URL_DYNAMODB,
    /// then AWS_ENDPOINT_URL, then the profile, then the regional endpoint.</summary>
    internal static AmazonDynamoDBConfig DynamoDbConfig(AwsClients clients) => DynamoDbConfig(DynamoDbServiceUrl(clients), clients.Region);

    private static string DynamoDbServiceUrl(AwsClients clients) => clients.Endpoints.Resolve(AwsService.DynamoDb, clients.Region).ToString();

    private static AmazonDynamoDBConfig DynamoDbConfig(string serviceUrl, string region) => new()
    {
        ServiceURL = serviceUrl,
        AuthenticationRegion = region,
        Timeout = DynamoDbTimeout,
    };

    private static DynamoDbLedger CreateDynamoDb(
        AwsClients clients, string serviceUrl, string table, TimeProvider clock, ICollection<IDisposable> owned)
    {
        var dynamo = new AmazonDynamoDBClient(new SdkCredentialsBridge(clients.Credentials), DynamoDbConfig(serviceUrl, clients.Region));
        owned.Add(dynamo);
        return new DynamoDbLedger(dynamo, table, clock);
    }
}
