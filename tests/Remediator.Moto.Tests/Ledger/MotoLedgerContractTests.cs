using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Remediator.Aws.Ledger;
using Remediator.Aws.Tests.Ledger;
using Remediator.Core.Ports;
using Remediator.Moto.Tests.Support;

namespace Remediator.Moto.Tests.Ledger;

/// <summary>The ledger's contract suite on moto's DynamoDB: a second DynamoDB implementation beside dynalite, each test on a fresh table.</summary>
[Collection(MotoCollection.Name)]
public sealed class MotoLedgerContractTests(MotoFixture moto) : LedgerContractTests, IDisposable
{
    private readonly AmazonDynamoDBClient _client = new(
        new BasicAWSCredentials("test", "test"),
        new AmazonDynamoDBConfig { ServiceURL = moto.Server.Endpoint.ToString(), AuthenticationRegion = MotoWorld.Region, Timeout = TimeSpan.FromSeconds(10) });

    public void Dispose() => _client.Dispose();

    protected override async Task<ILedger> CreateLedgerAsync(TimeProvider time, LedgerOptions options)
    {
        var name = $"ledger-{Guid.NewGuid():N}";
        await _client.CreateTableAsync(LedgerTableSchema.CreateTableRequest(name));
        var table = await _client.DescribeTableAsync(new DescribeTableRequest { TableName = name });
        Assert.Equal(TableStatus.ACTIVE, table.Table.TableStatus);

        // The Scan page size stays the product's (the small pages that cross pages are dynalite's leg).
        return new DynamoDbLedger(_client, name, time, options);
    }
}
