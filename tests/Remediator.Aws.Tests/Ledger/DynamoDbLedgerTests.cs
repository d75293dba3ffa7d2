using Remediator.Aws.Ledger;
using Remediator.Aws.Tests.Dynalite;
using Remediator.Core.Ports;

namespace Remediator.Aws.Tests.Ledger;

/// <summary>The ledger contract against the DynamoDB ledger on dynalite, each test on a fresh table.</summary>
[Collection(DynaliteCollection.Name)]
public sealed class DynamoDbLedgerTests(DynaliteFixture dynalite) : ConcurrentLedgerContractTests
{
    protected override async Task<ILedger> CreateLedgerAsync(TimeProvider time, LedgerOptions options)
    {
        var table = await dynalite.CreateLedgerTableAsync();

        // Pages of 4 items make every listing test cross several Scan pages, some filtered to nothing.
        return new DynamoDbLedger(dynalite.Client, table, time, options) { ScanPageSize = 4 };
    }
}
