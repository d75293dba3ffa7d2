using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Remediator.Aws.Ledger;

namespace Remediator.Aws.Tests.Dynalite;

/// <summary>One dynalite server and client per test run; each test creates its own table.</summary>
public sealed class DynaliteFixture : IAsyncLifetime
{
    private DynaliteServer? _server;
    private AmazonDynamoDBClient? _client;

    /// <summary>A DynamoDB client that talks to the loopback dynalite with sandbox credentials.</summary>
    public IAmazonDynamoDB Client => _client ?? throw new InvalidOperationException("The dynalite fixture has not started.");

    public async Task InitializeAsync()
    {
        _server = await DynaliteServer.StartAsync(CancellationToken.None);
        _client = new AmazonDynamoDBClient(
            new BasicAWSCredentials("test", "test"),
            new AmazonDynamoDBConfig
            {
                ServiceURL = _server.Endpoint.ToString(),
                AuthenticationRegion = "us-east-1",
                Timeout = TimeSpan.FromSeconds(10),
            });
    }

    /// <summary>Creates an empty ledger table with a unique name and waits until it is active.</summary>
    public async Task<string> CreateLedgerTableAsync()
    {
        var name = $"ledger-{Guid.NewGuid():N}";
        await Client.CreateTableAsync(LedgerTableSchema.CreateTableRequest(name));
        for (var poll = 0; poll < 100; poll++)
        {
            var table = await Client.DescribeTableAsync(new DescribeTableRequest { TableName = name });
            if (table.Table.TableStatus == TableStatus.ACTIVE)
            {
                return name;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }

        throw new InvalidOperationException($"Table '{name}' never became ACTIVE in dynalite.");
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
