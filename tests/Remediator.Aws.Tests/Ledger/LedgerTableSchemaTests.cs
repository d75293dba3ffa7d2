using Amazon.DynamoDBv2;
using Remediator.Aws.Ledger;

namespace Remediator.Aws.Tests.Ledger;

/// <summary>Pins the table shape that the deployment template must repeat exactly.</summary>
public sealed class LedgerTableSchemaTests
{
    [Fact]
    public void Constants_AreTheContractWithTheTemplate()
    {
        Assert.Equal("pk", LedgerTableSchema.PartitionKey);
        Assert.Equal("expiresAt", LedgerTableSchema.TimeToLiveAttribute);
        Assert.Equal("fp#abc", LedgerTableSchema.RecordKey("abc"));
    }

    [Theory]
    [InlineData("2025-03-14T09:26:53.589+00:00", "hour#2025-03-14T09")]
    [InlineData("2025-03-14T00:00:00+00:00", "hour#2025-03-14T00")]
    [InlineData("2025-03-14T23:59:59.999+00:00", "hour#2025-03-14T23")]
    [InlineData("2025-03-14T01:30:00+02:00", "hour#2025-03-13T23")]
    public void HourKey_AnyInstant_NamesItsUtcHour(string instant, string expected)
    {
        Assert.Equal(expected, LedgerTableSchema.HourKey(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void CreateTableRequest_HashKeyOnlyOnDemand()
    {
        var request = LedgerTableSchema.CreateTableRequest("remediator-ledger");

        Assert.Equal("remediator-ledger", request.TableName);
        var key = Assert.Single(request.KeySchema);
        Assert.Equal(("pk", KeyType.HASH), (key.AttributeName, key.KeyType));
        var attribute = Assert.Single(request.AttributeDefinitions);
        Assert.Equal(("pk", ScalarAttributeType.S), (attribute.AttributeName, attribute.AttributeType));
        Assert.Equal(BillingMode.PAY_PER_REQUEST, request.BillingMode);
    }
}
