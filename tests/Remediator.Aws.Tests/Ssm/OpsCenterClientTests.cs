using System.Text.Json;
using Remediator.Aws.Ssm;
using Remediator.Aws.Tests.Signing;
using Remediator.Aws.Tests.TestSupport;
using Remediator.Core.Ports;

namespace Remediator.Aws.Tests.Ssm;

public sealed class OpsCenterClientTests
{
    private static readonly OpsItemDraft Draft = new(
        "API a1b2c3d4e5 cannot invoke pets",
        "The integration role lacks lambda:InvokeFunction.",
        "Remediator",
        "2",
        "Availability",
        "remediator:fp:3f2a",
        ["arn:aws:lambda:us-east-1:123456789012:function:pets"],
        new Dictionary<string, string> { ["remediator:kind"] = "MissingInvokePermission" });

    [Fact]
    public async Task CreateOpsItemAsync_New_SendsDedupAndResources()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(200, "{\"OpsItemId\":\"oi-0a1b2c3d4e5f\",\"OpsItemArn\":\"arn:aws:ssm:us-east-1:123456789012:opsitem/oi-0a1b2c3d4e5f\"}"));

        var created = await Client(server).CreateOpsItemAsync(Draft, CancellationToken.None);

        Assert.Equal(new OpsItemCreated("oi-0a1b2c3d4e5f", false), created);
        var wire = Assert.Single(server.Requests);
        Assert.Equal("AmazonSSM.CreateOpsItem", wire.Header("X-Amz-Target"));
        var body = JsonDocument.Parse(wire.BodyText).RootElement;
        Assert.Equal(Draft.Title, body.GetProperty("Title").GetString());
        Assert.Equal("Remediator", body.GetProperty("Source").GetString());
        Assert.Equal("2", body.GetProperty("Severity").GetString());
        var data = body.GetProperty("OperationalData");
        Assert.Equal("SearchableString", data.GetProperty("/aws/dedup").GetProperty("Type").GetString());
        Assert.Equal("remediator:fp:3f2a", JsonDocument.Parse(data.GetProperty("/aws/dedup").GetProperty("Value").GetString()!).RootElement.GetProperty("dedupString").GetString());
        Assert.Equal(Draft.ResourceArns![0], JsonDocument.Parse(data.GetProperty("/aws/resources").GetProperty("Value").GetString()!).RootElement[0].GetProperty("arn").GetString());
        Assert.Equal("MissingInvokePermission", data.GetProperty("remediator:kind").GetProperty("Value").GetString());
        AwsRequestSignerTests.AssertVerifies(wire, TestAws.Credentials);
    }

    [Fact]
    public async Task CreateOpsItemAsync_Duplicate_ReturnsExistingId()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(400, "{\"__type\":\"OpsItemAlreadyExistsException\",\"Message\":\"The OpsItem already exists.\",\"OpsItemId\":\"oi-0a1b2c3d4e5f\"}"));

        Assert.Equal(new OpsItemCreated("oi-0a1b2c3d4e5f", true), await Client(server).CreateOpsItemAsync(Draft, CancellationToken.None));
    }

    [Theory]
    [InlineData("OpsItemLimitExceededException", "The request caused OpsItems to exceed one or more quotas.")]
    [InlineData("OpsItemInvalidParameterException", "A specified parameter argument isn't valid.")]
    [InlineData("OpsItemAlreadyExistsException", "already exists, but the answer names no item")]
    public async Task CreateOpsItemAsync_Refused_ThrowsTypedError(string code, string message)
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(400, $"{{\"__type\":\"{code}\",\"Message\":\"{message}\"}}"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Client(server).CreateOpsItemAsync(Draft, CancellationToken.None));

        Assert.Equal((code, message), (error.ErrorCode, error.ServiceMessage));
    }

    [Theory]
    [InlineData("aws-remediator")]
    [InlineData("Amazon")]
    [InlineData("amzn.tool")]
    public async Task CreateOpsItemAsync_ReservedSource_ThrowsBeforeSending(string source)
    {
        await using var server = new LoopbackServer();

        await Assert.ThrowsAsync<ArgumentException>(() => Client(server).CreateOpsItemAsync(Draft with { Source = source }, CancellationToken.None));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task DescribeOpsItemsAsync_TwoPages_FollowsNextToken()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(200, Fixture.Text("Ssm", "describe-page-1.json")))
            .Enqueue(CannedResponse.Json(200, Fixture.Text("Ssm", "describe-page-2.json")));

        var items = await Client(server).DescribeOpsItemsAsync([new OpsItemFilter("Source", ["Remediator"]), new OpsItemFilter("Status", ["Open", "InProgress"])], 100, CancellationToken.None);

        Assert.Equal(["oi-0a1b2c3d4e5f", "oi-111111111111"], items.Select(i => i.OpsItemId));
        Assert.Equal(new OpsItemSummary("oi-0a1b2c3d4e5f", "API a1b2c3d4e5 cannot invoke pets", "Open", "Remediator", "2", "Availability"), items[0]);
        var first = JsonDocument.Parse(server.Requests[0].BodyText).RootElement;
        Assert.Equal("AmazonSSM.DescribeOpsItems", server.Requests[0].Header("X-Amz-Target"));
        Assert.Equal(50, first.GetProperty("MaxResults").GetInt32());
        Assert.Equal("Status", first.GetProperty("OpsItemFilters")[1].GetProperty("Key").GetString());
        Assert.Equal("Equal", first.GetProperty("OpsItemFilters")[1].GetProperty("Operator").GetString());
        Assert.Equal("InProgress", first.GetProperty("OpsItemFilters")[1].GetProperty("Values")[1].GetString());
        Assert.Equal("AAEAAR2jEXAMPLE", JsonDocument.Parse(server.Requests[1].BodyText).RootElement.GetProperty("NextToken").GetString());
    }

    [Fact]
    public async Task DescribeOpsItemsAsync_MaxItemsReached_StopsPaging()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(200, Fixture.Text("Ssm", "describe-page-1.json")));

        var items = await Client(server).DescribeOpsItemsAsync([], 1, CancellationToken.None);

        Assert.Single(items);
        Assert.Single(server.Requests);
        Assert.Equal(1, JsonDocument.Parse(server.Requests[0].BodyText).RootElement.GetProperty("MaxResults").GetInt32());
    }

    [Fact]
    public async Task UpdateOpsItemAsync_Resolve_SendsOnlyGivenFields()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(200, "{}"));

        await Client(server).UpdateOpsItemAsync(new OpsItemUpdate("oi-0a1b2c3d4e5f", Status: "Resolved"), CancellationToken.None);

        var wire = Assert.Single(server.Requests);
        Assert.Equal("AmazonSSM.UpdateOpsItem", wire.Header("X-Amz-Target"));
        Assert.Equal("{\"OpsItemId\":\"oi-0a1b2c3d4e5f\",\"Status\":\"Resolved\"}", wire.BodyText);
    }

    [Fact]
    public async Task UpdateOpsItemAsync_Missing_ThrowsTypedError()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(400, "{\"__type\":\"OpsItemNotFoundException\",\"Message\":\"The specified OpsItem ID doesn't exist.\"}"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Client(server).UpdateOpsItemAsync(new OpsItemUpdate("oi-x", Status: "Resolved"), CancellationToken.None));

        Assert.Equal("OpsItemNotFoundException", error.ErrorCode);
    }

    private static OpsCenterClient Client(LoopbackServer server) => new(new TestAws().Client(server));
}
