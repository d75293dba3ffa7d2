using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Microsoft.Extensions.Time.Testing;
using Remediator.Aws.Ledger;
using Remediator.Aws.Tests.Dynalite;
using Remediator.Core.Ports;

namespace Remediator.Aws.Tests.Ledger;

/// <summary>
/// The DynamoDB ledger when DynamoDB applies a write and its answer is lost: the SDK's retry then fails its condition
/// against what the first attempt wrote, and the ledger must still read that as the caller's own write.
/// </summary>
[Collection(DynaliteCollection.Name)]
public sealed class DynamoDbLedgerLostAnswerTests(DynaliteFixture dynalite)
{
    [Theory]
    [InlineData("DynamoDB_20120810.PutItem")]
    [InlineData("DynamoDB_20120810.UpdateItem")]
    public async Task ClaimAsync_WriteAppliedAndItsAnswerLost_IsStillTheCallersClaim(string lostOperation)
    {
        string table = await dynalite.CreateLedgerTableAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var plain = new DynamoDbLedger(dynalite.Client, table, clock);
        if (lostOperation.EndsWith("UpdateItem", StringComparison.Ordinal))
        {
            // A record to update: an earlier pass completed and released it.
            var earlier = await plain.ClaimAsync(new ClaimRequest("fp-lost", "earlier", TimeSpan.FromMinutes(2)), CancellationToken.None);
            Assert.True(await plain.TryReleaseAsync(earlier.Lease!, CancellationToken.None));
        }

        var dropper = new AnswerDropper(lostOperation);
        using var client = new AmazonDynamoDBClient(
            new BasicAWSCredentials("test", "test"),
            new AmazonDynamoDBConfig
            {
                ServiceURL = dynalite.Client.Config.ServiceURL,
                AuthenticationRegion = "us-east-1",
                HttpClientFactory = new DroppingFactory(dropper),
                MaxErrorRetry = 3,
            });
        var ledger = new DynamoDbLedger(client, table, clock);

        ClaimResult claim = await ledger.ClaimAsync(new ClaimRequest("fp-lost", "invocation-1", TimeSpan.FromMinutes(2)), CancellationToken.None);

        Assert.Equal(1, dropper.Dropped);
        Assert.True(claim.Claimed, "a claim whose record shows the caller's own lease is the caller's claim");
        Assert.Equal("invocation-1", claim.Lease?.Holder);
        Assert.True(await ledger.TryCompleteAsync(claim.Lease!, LedgerOutcome.Pending with { State = RemediationState.Fixed }, CancellationToken.None));
    }

    private sealed class AnswerDropper(string operation) : DelegatingHandler(new HttpClientHandler())
    {
        private int dropped;

        public int Dropped => Volatile.Read(ref dropped);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
            bool matches = request.Headers.TryGetValues("X-Amz-Target", out var targets) && targets.Contains(operation, StringComparer.Ordinal);
            if (matches && response.IsSuccessStatusCode && Interlocked.CompareExchange(ref dropped, 1, 0) == 0)
            {
                response.Dispose();
                throw new IOException("The connection closed after DynamoDB applied the write, before its answer arrived.");
            }

            return response;
        }
    }

    private sealed class DroppingFactory(AnswerDropper handler) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(handler, disposeHandler: false);

        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

        public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;
    }
}
