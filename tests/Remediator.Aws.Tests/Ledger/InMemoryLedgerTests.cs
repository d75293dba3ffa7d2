using Remediator.Core.Ledger;
using Remediator.Core.Ports;

namespace Remediator.Aws.Tests.Ledger;

/// <summary>The ledger contract against the CLI's in-memory ledger.</summary>
public sealed class InMemoryLedgerTests : ConcurrentLedgerContractTests
{
    protected override Task<ILedger> CreateLedgerAsync(TimeProvider time, LedgerOptions options) =>
        Task.FromResult<ILedger>(new InMemoryLedger(time, options));
}
