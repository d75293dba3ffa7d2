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
    public static ILedger Create(RemediatorSettings settings, AwsClients clients, TimeProvider clock, ICollection<IDisposable> owned)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(clients);
        if (settings.LedgerTable is null)
        {
            // Local runs only: a Lambda without a table forgets claims and the hourly cap on every cold start.
            return new InMemoryLedger(clock);
        }

        var dynamo = new AmazonDynamoDBClient(new SdkCredentialsBridge(clients.Credentials), DynamoDbConfig(clients));
        owned.Add(dynamo);
        return new DynamoDbLedger(dynamo, settings.LedgerTable, clock);
    }

    /// <summary>The DynamoDB endpoint resolved exactly as for every other client: AWS_ENDPOINT_URL_DYNAMODB,
    /// then AWS_ENDPOINT_URL, then the profile, then the regional endpoint.</summary>
    internal static AmazonDynamoDBConfig DynamoDbConfig(AwsClients clients) => new()
    {
        ServiceURL = clients.Endpoints.Resolve(AwsService.DynamoDb, clients.Region).ToString(),
        AuthenticationRegion = clients.Region,
        Timeout = DynamoDbTimeout,
    };
}
