using System.Text.Json;
using Remediator.Aws.Composition;
using Remediator.Aws.Config;
using Remediator.Aws.Credentials;
using Remediator.Aws.Ssm;
using Remediator.Core.Configuration;
using Remediator.Core.Observability;
using Remediator.Core.Ports;
using Remediator.Emulation.Credentials;
using Remediator.Sandbox;

namespace Remediator.Aws.Tests.Ssm;

/// <summary>
/// The official SDK client for SSM, as the composition root builds it, against the sandbox over real HTTP
/// (SigV4, JSON 1.1, <c>X-Amz-Target: AmazonSSM.&lt;Op&gt;</c>).
/// </summary>
public sealed class OpsCenterClientTests : IAsyncLifetime
{
    private const string Source = "Remediator";
    private const string KeyData = "remediator:rootCauseKey";

    private SandboxServer sandbox = null!;
    private RemediatorServices services = null!;

    private IOpsCenterClient Client => services.OpsCenter!;

    public async Task InitializeAsync()
    {
        sandbox = await SandboxServer.StartAsync(new SandboxOptions { Seed = 11 });
        services = RemediatorServices.Create(
            new RemediatorSettings(),
            AwsEnvironment.FromDictionary(new Dictionary<string, string> { ["AWS_ENDPOINT_URL_SSM"] = sandbox.BaseUrl.ToString() }),
            TimeProvider.System,
            new NullSink(),
            new AwsClientSettings { Region = sandbox.Region, Credentials = new StaticCredentialsProvider(new AwsCredentials("test", "test")) });
    }

    public async Task DisposeAsync()
    {
        services.Dispose();
        await sandbox.DisposeAsync();
    }

    [Fact]
    public async Task CreateAsync_New_WritesDedupResourcesAndDataWithTheirTypes()
    {
        OpsItemCreated created = await Client.CreateAsync(Draft("key-new"), CancellationToken.None);

        Assert.False(created.AlreadyExisted);
        Assert.Matches("^oi-[0-9a-f]{12}$", created.OpsItemId);
        JsonElement item = StoredItem(created.OpsItemId!);
        Assert.Equal("API Gateway cannot invoke pets", item.GetProperty("Title").GetString());
        Assert.Equal((Source, "2", "Availability", "Open"), (Text(item, "Source"), Text(item, "Severity"), Text(item, "Category"), Text(item, "Status")));
        JsonElement data = item.GetProperty("OperationalData");
        Assert.Equal("""{"dedupString":"key-new"}""", data.GetProperty("/aws/dedup").GetProperty("Value").GetString());
        Assert.Equal(
            """[{"arn":"arn:aws:lambda:us-east-1:000000000000:function:pets"},{"arn":"arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5"}]""",
            data.GetProperty("/aws/resources").GetProperty("Value").GetString());
        Assert.Equal(("key-new", "SearchableString"), (Text(data.GetProperty(KeyData), "Value"), Text(data.GetProperty(KeyData), "Type")));
        Assert.Equal("String", Text(data.GetProperty("remediator:evidence"), "Type"));
    }

    [Fact]
    public async Task CreateAsync_SameDedupWhileOpen_CreatesNoneAndNamesTheOpenOne()
    {
        OpsItemCreated first = await Client.CreateAsync(Draft("key-open"), CancellationToken.None);

        OpsItemCreated second = await Client.CreateAsync(Draft("key-open"), CancellationToken.None);

        Assert.Equal(new OpsItemCreated(first.OpsItemId, AlreadyExisted: true), second);
        Assert.Single(await Client.FindOpenAsync(Source, KeyData, "key-open", 10, CancellationToken.None));
    }

    [Fact]
    public async Task CreateAsync_SameDedupAfterResolve_CreatesANewOne()
    {
        OpsItemCreated first = await Client.CreateAsync(Draft("key-resolved"), CancellationToken.None);
        await Client.ResolveAsync(first.OpsItemId!, new Dictionary<string, OpsItemData> { ["remediator:resolution"] = new("verified") }, CancellationToken.None);

        OpsItemCreated second = await Client.CreateAsync(Draft("key-resolved"), CancellationToken.None);

        Assert.False(second.AlreadyExisted);
        Assert.NotEqual(first.OpsItemId, second.OpsItemId);
    }

    [Fact]
    public async Task GetStatusAsync_OpenThenResolvedThenUnknown_ReadsTheStatus()
    {
        string id = (await Client.CreateAsync(Draft("key-status"), CancellationToken.None)).OpsItemId!;

        string? open = await Client.GetStatusAsync(id, CancellationToken.None);
        await Client.ResolveAsync(id, new Dictionary<string, OpsItemData> { ["remediator:resolution"] = new("verified") }, CancellationToken.None);
        string? resolved = await Client.GetStatusAsync(id, CancellationToken.None);
        string? unknown = await Client.GetStatusAsync("oi-000000000000", CancellationToken.None);

        Assert.Equal(("Open", "Resolved", (string?)null), (open, resolved, unknown));
        Assert.Equal("verified", StoredItem(id).GetProperty("OperationalData").GetProperty("remediator:resolution").GetProperty("Value").GetString());
    }

    [Fact]
    public async Task FindOpenAsync_ByDataKey_FindsOnlyOpenItemsOfTheSourceWithThatValue()
    {
        string wanted = (await Client.CreateAsync(Draft("key-find"), CancellationToken.None)).OpsItemId!;
        await Client.CreateAsync(Draft("key-other"), CancellationToken.None);
        await Client.CreateAsync(Draft("key-find") with { Source = "someone-else" }, CancellationToken.None);

        OpenOpsItem found = Assert.Single(await Client.FindOpenAsync(Source, KeyData, "key-find", 10, CancellationToken.None));

        Assert.Equal((wanted, "Open"), (found.OpsItemId, found.Status));
        Assert.Equal("key-find", found.SearchableData[KeyData]);
        Assert.False(found.SearchableData.ContainsKey("remediator:evidence"));
    }

    [Fact]
    public async Task FindOpenAsync_MoreThanAPage_ReadsPagesUpToTheLimit()
    {
        for (int i = 0; i < 55; i++)
        {
            await Client.CreateAsync(Draft($"key-page-{i}"), CancellationToken.None);
        }

        Assert.Equal(55, (await Client.FindOpenAsync(Source, null, null, 100, CancellationToken.None)).Count);
        Assert.Equal(52, (await Client.FindOpenAsync(Source, null, null, 52, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task UpdateAsync_NewFacts_ReplaceDescriptionMergeDataAndKeepTheStatus()
    {
        string id = (await Client.CreateAsync(Draft("key-update"), CancellationToken.None)).OpsItemId!;

        await Client.UpdateAsync(
            new OpsItemUpdate(id, "Seen again.", new Dictionary<string, OpsItemData> { ["remediator:occurrences"] = new("7", Searchable: true) }),
            CancellationToken.None);

        JsonElement item = StoredItem(id);
        Assert.Equal(("Seen again.", "Open"), (Text(item, "Description"), Text(item, "Status")));
        Assert.Equal("7", item.GetProperty("OperationalData").GetProperty("remediator:occurrences").GetProperty("Value").GetString());
        Assert.Equal("key-update", item.GetProperty("OperationalData").GetProperty(KeyData).GetProperty("Value").GetString());
    }

    [Fact]
    public async Task CreateAsync_ReservedSource_FailsAsOneAwsServiceException()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Client.CreateAsync(Draft("key-aws") with { Source = "aws.lambda" }, CancellationToken.None));

        Assert.Equal(("ssm", "CreateOpsItem", "OpsItemInvalidParameterException", 400), (error.Service, error.Operation, error.ErrorCode, error.StatusCode));
    }

    [Fact]
    public async Task UpdateAsync_UnknownItem_FailsWithOpsItemNotFound()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Client.UpdateAsync(
            new OpsItemUpdate("oi-000000000000", "d", new Dictionary<string, OpsItemData>()), CancellationToken.None));

        Assert.True(error.Is(AwsErrorCodes.OpsItemNotFound), error.Message);
    }

    private static OpsItemDraft Draft(string key) => new(
        "API Gateway cannot invoke pets",
        "The facts.",
        Source,
        "2",
        "Availability",
        key,
        ["arn:aws:lambda:us-east-1:000000000000:function:pets", "arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5"],
        new Dictionary<string, OpsItemData>
        {
            [KeyData] = new(key, Searchable: true),
            ["remediator:evidence"] = new("(req-1) Lambda invocation failed"),
        });

    private JsonElement StoredItem(string id) =>
        JsonDocument.Parse(sandbox.StateJson()).RootElement.GetProperty("opsItems").GetProperty(id).Clone();

    private static string? Text(JsonElement element, string name) => element.GetProperty(name).GetString();

    private sealed class NullSink : ILogSink
    {
        public void WriteLine(string line)
        {
        }
    }
}
