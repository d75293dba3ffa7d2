using System.Text.Json;
using Remediator.Sandbox.Tests.TestSupport;

namespace Remediator.Sandbox.Tests.Ssm;

/// <summary>OpsCenter over JSON 1.1: creation, <c>/aws/dedup</c> while Open or InProgress, GetOpsItem, filters, updates, bounds.</summary>
public sealed class SsmServiceTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private readonly SignedClient _client = sandbox.Client;

    [Fact]
    public async Task CreateOpsItem_New_ReturnsIdAndArn()
    {
        var response = await CreateAsync("create-new", null);

        Assert.Equal(200, response.Status);
        var id = response.Json.GetProperty("OpsItemId").GetString();
        Assert.Matches("^oi-[0-9a-f]{12}$", id);
        Assert.Equal($"arn:aws:ssm:us-east-1:000000000000:opsitem/{id}", response.Json.GetProperty("OpsItemArn").GetString());
    }

    [Fact]
    public async Task CreateOpsItem_SameDedupWhileOpen_Returns400AlreadyExistsWithId()
    {
        var first = await CreateAsync("dedup-open", "fp-123");

        var second = await CreateAsync("dedup-open", "fp-123");

        Assert.Equal(400, second.Status);
        Assert.Equal("OpsItemAlreadyExistsException", second.ErrorCode);
        Assert.Equal(first.Json.GetProperty("OpsItemId").GetString(), second.Json.GetProperty("OpsItemId").GetString());
    }

    [Fact]
    public async Task CreateOpsItem_SameDedupAfterResolved_CreatesNewItem()
    {
        var first = (await CreateAsync("dedup-resolved", "fp-456")).Json.GetProperty("OpsItemId").GetString();
        var update = await _client.JsonAsync("ssm", "AmazonSSM.UpdateOpsItem", $$"""{"OpsItemId":"{{first}}","Status":"Resolved"}""");

        var second = await CreateAsync("dedup-resolved", "fp-456");

        Assert.Equal(200, update.Status);
        Assert.Equal(200, second.Status);
        Assert.NotEqual(first, second.Json.GetProperty("OpsItemId").GetString());
    }

    [Fact]
    public async Task CreateOpsItem_SameDedupWhileInProgress_StillBlocked()
    {
        var first = (await CreateAsync("dedup-in-progress", "fp-progress")).Json.GetProperty("OpsItemId").GetString();
        await _client.JsonAsync("ssm", "AmazonSSM.UpdateOpsItem", $$"""{"OpsItemId":"{{first}}","Status":"InProgress"}""");

        var second = await CreateAsync("dedup-in-progress", "fp-progress");

        Assert.Equal("OpsItemAlreadyExistsException", second.ErrorCode);
        Assert.Equal(first, second.Json.GetProperty("OpsItemId").GetString());
    }

    [Fact]
    public async Task CreateOpsItem_DataValueOver20Kilobytes_Returns400InvalidParameter()
    {
        var body = JsonSerializer.Serialize(new
        {
            Title = "t", Description = "d", Source = "remediator",
            OperationalData = new Dictionary<string, object> { ["big"] = new { Value = new string('x', 20 * 1024 + 1), Type = "String" } },
        });

        var response = await _client.JsonAsync("ssm", "AmazonSSM.CreateOpsItem", body);

        Assert.Equal(("OpsItemInvalidParameterException", "OperationalData"), (response.ErrorCode, response.Json.GetProperty("ParameterNames")[0].GetString()));
    }

    [Fact]
    public async Task GetOpsItem_KnownAndUnknown_ReturnsTheItemOrNotFound()
    {
        var id = (await CreateAsync("get-me", "fp-get")).Json.GetProperty("OpsItemId").GetString();

        var found = await _client.JsonAsync("ssm", "AmazonSSM.GetOpsItem", $$"""{"OpsItemId":"{{id}}"}""");
        var missing = await _client.JsonAsync("ssm", "AmazonSSM.GetOpsItem", """{"OpsItemId":"oi-000000000000"}""");

        Assert.Equal(("get-me", "Open"), (found.Json.GetProperty("OpsItem").GetProperty("Title").GetString(), found.Json.GetProperty("OpsItem").GetProperty("Status").GetString()));
        Assert.Equal((400, "OpsItemNotFoundException"), (missing.Status, missing.ErrorCode));
    }

    [Fact]
    public async Task UpdateOpsItem_NewDedupString_Returns400AndKeepsTheOriginal()
    {
        var id = (await CreateAsync("dedup-fixed", "fp-original")).Json.GetProperty("OpsItemId").GetString();

        var body = JsonSerializer.Serialize(new
        {
            OpsItemId = id,
            OperationalData = new Dictionary<string, object> { ["/aws/dedup"] = new { Value = JsonSerializer.Serialize(new { dedupString = "other" }), Type = "SearchableString" } },
        });
        var response = await _client.JsonAsync("ssm", "AmazonSSM.UpdateOpsItem", body);

        Assert.Equal("OpsItemInvalidParameterException", response.ErrorCode);
        Assert.Equal(400, (await CreateAsync("dedup-fixed", "fp-original")).Status);
    }

    [Fact]
    public async Task DescribeOpsItems_OperationalDataPair_MatchesSearchableValuesOnly()
    {
        await CreateAsync("pair-searchable", "fp-pair");

        string pair = JsonSerializer.Serialize(new { key = "/aws/dedup", value = JsonSerializer.Serialize(new { dedupString = "fp-pair" }) });
        var searchable = await _client.JsonAsync("ssm", "AmazonSSM.DescribeOpsItems", JsonSerializer.Serialize(new { OpsItemFilters = new[] { new { Key = "OperationalData", Values = new[] { pair }, Operator = "Equal" } } }));
        var malformed = await _client.JsonAsync("ssm", "AmazonSSM.DescribeOpsItems", """{"OpsItemFilters":[{"Key":"OperationalData","Values":["not json"],"Operator":"Equal"}]}""");

        Assert.Equal("pair-searchable", Assert.Single(searchable.Json.GetProperty("OpsItemSummaries").EnumerateArray()).GetProperty("Title").GetString());
        Assert.Equal(400, malformed.Status);
    }

    [Fact]
    public async Task CreateOpsItem_AwsSource_Returns400InvalidParameterNamingSource()
    {
        var response = await _client.JsonAsync("ssm", "AmazonSSM.CreateOpsItem", """{"Title":"t","Description":"d","Source":"aws.lambda"}""");

        Assert.Equal(400, response.Status);
        Assert.Equal("OpsItemInvalidParameterException", response.ErrorCode);
        Assert.Equal("Source", response.Json.GetProperty("ParameterNames")[0].GetString());
    }

    [Fact]
    public async Task DescribeOpsItems_StatusAndTitleFilters_ReturnSummariesWithOperationalData()
    {
        await CreateAsync("describe-me", "fp-describe");

        var response = await _client.JsonAsync("ssm", "AmazonSSM.DescribeOpsItems", """
            {"OpsItemFilters":[{"Key":"Status","Values":["Open"],"Operator":"Equal"},{"Key":"Title","Values":["describe-me"],"Operator":"Equal"}]}
            """);

        var summary = Assert.Single(response.Json.GetProperty("OpsItemSummaries").EnumerateArray());
        Assert.Equal("remediator", summary.GetProperty("Source").GetString());
        Assert.Contains("fp-describe", summary.GetProperty("OperationalData").GetProperty("/aws/dedup").GetProperty("Value").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeOpsItems_OperationalDataValueContains_FindsByDedupString()
    {
        await CreateAsync("by-data", "fp-contains-789");

        var response = await _client.JsonAsync("ssm", "AmazonSSM.DescribeOpsItems", """{"OpsItemFilters":[{"Key":"OperationalDataValue","Values":["fp-contains-789"],"Operator":"Contains"}]}""");

        Assert.Equal("by-data", Assert.Single(response.Json.GetProperty("OpsItemSummaries").EnumerateArray()).GetProperty("Title").GetString());
    }

    [Fact]
    public async Task DescribeOpsItems_UnsupportedFilterKey_Returns400()
    {
        var response = await _client.JsonAsync("ssm", "AmazonSSM.DescribeOpsItems", """{"OpsItemFilters":[{"Key":"AutomationId","Values":["x"],"Operator":"Equal"}]}""");

        Assert.Equal(400, response.Status);
    }

    [Fact]
    public async Task UpdateOpsItem_Unknown_Returns400NotFound()
    {
        var response = await _client.JsonAsync("ssm", "AmazonSSM.UpdateOpsItem", """{"OpsItemId":"oi-000000000000","Status":"Resolved"}""");

        Assert.Equal(400, response.Status);
        Assert.Equal("OpsItemNotFoundException", response.ErrorCode);
    }

    [Fact]
    public async Task UpdateOpsItem_OperationalData_MergesAndDeletesKeys()
    {
        var id = (await CreateAsync("update-data", null)).Json.GetProperty("OpsItemId").GetString();

        await _client.JsonAsync("ssm", "AmazonSSM.UpdateOpsItem", $$$"""{"OpsItemId":"{{{id}}}","OperationalData":{"note":{"Value":"n","Type":"String"}},"OperationalDataToDelete":["/aws/resources"]}""");

        var item = JsonDocument.Parse(sandbox.Server.StateJson()).RootElement.GetProperty("opsItems").GetProperty(id!);
        Assert.True(item.GetProperty("OperationalData").TryGetProperty("note", out _));
        Assert.False(item.GetProperty("OperationalData").TryGetProperty("/aws/resources", out _));
    }

    private Task<WireResponse> CreateAsync(string title, string? dedup)
    {
        var data = new Dictionary<string, object>
        {
            ["/aws/resources"] = new { Value = """[{"arn":"arn:aws:lambda:us-east-1:000000000000:function:f"}]""", Type = "SearchableString" },
        };
        if (dedup is not null)
        {
            data["/aws/dedup"] = new { Value = JsonSerializer.Serialize(new { dedupString = dedup }), Type = "SearchableString" };
        }

        return _client.JsonAsync("ssm", "AmazonSSM.CreateOpsItem", JsonSerializer.Serialize(new { Title = title, Description = "d", Source = "remediator", Severity = "2", OperationalData = data }));
    }
}
