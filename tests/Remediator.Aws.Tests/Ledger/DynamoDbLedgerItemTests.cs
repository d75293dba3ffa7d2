using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Time.Testing;
using Remediator.Aws.Ledger;
using Remediator.Aws.Tests.Dynalite;
using Remediator.Core.Ports;

namespace Remediator.Aws.Tests.Ledger;

/// <summary>What the DynamoDB ledger leaves in the table: the items the deployed template and TTL rely on.</summary>
[Collection(DynaliteCollection.Name)]
public sealed class DynamoDbLedgerItemTests(DynaliteFixture dynalite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2025, 3, 14, 9, 26, 53, 589, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Start);
    private string _table = "";

    private DynamoDbLedger Ledger => new(dynalite.Client, _table, _clock);

    public async Task InitializeAsync() => _table = await dynalite.CreateLedgerTableAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ClaimAsync_NewFingerprint_WritesRecordItemWithEpochSecondsTtl()
    {
        await Ledger.ClaimAsync(new ClaimRequest("abc", "invocation-a", TimeSpan.FromMinutes(5), 2), CancellationToken.None);

        var item = await RawItemAsync("fp#abc");

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["pk"] = "S:fp#abc",
                ["state"] = "S:Pending",
                ["attempts"] = "N:0",
                ["consecutiveFailures"] = "N:0",
                ["firstSeen"] = $"N:{Start.ToUnixTimeMilliseconds()}",
                ["lastSeen"] = $"N:{Start.ToUnixTimeMilliseconds()}",
                ["occurrences"] = "N:2",
                ["leaseOwner"] = "S:invocation-a",
                ["leaseExpiresAt"] = $"N:{Start.AddMinutes(5).ToUnixTimeMilliseconds()}",
                ["expiresAt"] = $"N:{Start.AddDays(90).ToUnixTimeSeconds()}",
            },
            Describe(item));
    }

    [Fact]
    public async Task TryCompleteAsync_Fixed_WritesRevertAttributesAndRemovesLease()
    {
        var claim = await Ledger.ClaimAsync(new ClaimRequest("abc", "invocation-a", TimeSpan.FromMinutes(5)), CancellationToken.None);
        var outcome = new LedgerOutcome
        {
            State = RemediationState.Fixed,
            Attempts = 1,
            LastAction = "AddPermission",
            Fix = new AppliedPermission("remediator-abc", "arn:aws:lambda:us-east-1:000000000000:function:pets", null),
        };

        await Ledger.TryCompleteAsync(claim.Lease!, outcome, CancellationToken.None);

        var item = Describe(await RawItemAsync("fp#abc"));
        Assert.Equal("S:Fixed", item["state"]);
        Assert.Equal("S:remediator-abc", item["fixStatementId"]);
        Assert.Equal("S:arn:aws:lambda:us-east-1:000000000000:function:pets", item["fixFunctionArn"]);
        Assert.False(item.ContainsKey("fixQualifier"));
        Assert.False(item.ContainsKey("leaseOwner"));
        Assert.False(item.ContainsKey("leaseExpiresAt"));
    }

    [Fact]
    public async Task TryCompleteAsync_OpsItemId_IsTheOpsItemIdAttributeUntilAPassClearsIt()
    {
        var first = await Ledger.ClaimAsync(new ClaimRequest("abc", "invocation-a", TimeSpan.FromMinutes(5)), CancellationToken.None);
        var ticketed = new LedgerOutcome { State = RemediationState.Recommended, OpsItemId = "oi-0a1b2c3d4e5f" };
        Assert.True(await Ledger.TryCompleteAsync(first.Lease!, ticketed, CancellationToken.None));
        Assert.Equal("S:oi-0a1b2c3d4e5f", Describe(await RawItemAsync("fp#abc"))["opsItemId"]);

        var second = await Ledger.ClaimAsync(new ClaimRequest("abc", "invocation-b", TimeSpan.FromMinutes(5)), CancellationToken.None);
        Assert.Equal("oi-0a1b2c3d4e5f", second.Record.Outcome.OpsItemId);
        Assert.True(await Ledger.TryCompleteAsync(second.Lease!, second.Record.Outcome with { State = RemediationState.AlreadyAllowed, OpsItemId = null }, CancellationToken.None));

        Assert.False(Describe(await RawItemAsync("fp#abc")).ContainsKey("opsItemId"));
    }

    [Fact]
    public async Task TryConsumeAsync_Allowed_WritesOneHourCounterItemWithAnAttributePerCap()
    {
        await Ledger.TryConsumeAsync(HourlyCap.Fixes, 5, CancellationToken.None);
        await Ledger.TryConsumeAsync(HourlyCap.Fixes, 5, CancellationToken.None);
        await Ledger.TryConsumeAsync(HourlyCap.NewTickets, 5, CancellationToken.None);

        var item = await RawItemAsync("hour#2025-03-14T09");

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["pk"] = "S:hour#2025-03-14T09",
                ["fixes"] = "N:2",
                ["newTickets"] = "N:1",
                ["expiresAt"] = $"N:{new DateTimeOffset(2025, 3, 16, 9, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds()}",
            },
            Describe(item));
    }

    [Theory]
    [InlineData("state", "fixed")]
    [InlineData("state", "3")]
    [InlineData("occurrences", null)]
    public async Task GetAsync_MalformedItem_ThrowsInvalidData(string attribute, string? value)
    {
        await Ledger.ClaimAsync(new ClaimRequest("abc", "invocation-a", TimeSpan.FromMinutes(5)), CancellationToken.None);
        var item = await RawItemAsync("fp#abc");
        if (value is null)
        {
            item.Remove(attribute);
        }
        else
        {
            item[attribute] = new AttributeValue { S = value };
        }

        await dynalite.Client.PutItemAsync(new PutItemRequest { TableName = _table, Item = item });

        await Assert.ThrowsAsync<InvalidDataException>(() => Ledger.GetAsync("abc", CancellationToken.None));
    }

    [Fact]
    public async Task ClaimAsync_TableMissing_ThrowsServiceError()
    {
        var ledger = new DynamoDbLedger(dynalite.Client, "no-such-table", _clock);

        await Assert.ThrowsAsync<ResourceNotFoundException>(
            () => ledger.ClaimAsync(new ClaimRequest("abc", "invocation-a", TimeSpan.FromMinutes(5)), CancellationToken.None));
    }

    private async Task<Dictionary<string, AttributeValue>> RawItemAsync(string key)
    {
        var response = await dynalite.Client.GetItemAsync(new GetItemRequest
        {
            TableName = _table,
            Key = new Dictionary<string, AttributeValue> { ["pk"] = new() { S = key } },
            ConsistentRead = true,
        });
        return response.Item is { Count: > 0 } item ? item : throw new Xunit.Sdk.XunitException($"No item '{key}'.");
    }

    private static Dictionary<string, string> Describe(Dictionary<string, AttributeValue> item) =>
        item.ToDictionary(pair => pair.Key, pair => pair.Value.S is { } text ? $"S:{text}" : $"N:{pair.Value.N}");
}
