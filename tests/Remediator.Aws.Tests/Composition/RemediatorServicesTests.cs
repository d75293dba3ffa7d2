using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Microsoft.Extensions.Time.Testing;
using Remediator.Aws.Composition;
using Remediator.Aws.Config;
using Remediator.Aws.Credentials;
using Remediator.Aws.Ledger;
using Remediator.Aws.Tests.TestSupport;
using Remediator.Core.Configuration;
using Remediator.Core.Ledger;
using Remediator.Core.Observability;
using Remediator.Emulation.Credentials;

namespace Remediator.Aws.Tests.Composition;

public sealed class RemediatorServicesTests
{
    private static readonly AwsClientSettings TestKeys = new()
    {
        Region = "eu-west-1",
        Credentials = new StaticCredentialsProvider(new AwsCredentials("test", "test")),
    };

    public static TheoryData<string?, string?, string> Endpoints => new()
    {
        { "http://127.0.0.1:4566", "http://127.0.0.1:8000", "http://127.0.0.1:8000/" },
        { "http://127.0.0.1:4566", null, "http://127.0.0.1:4566/" },
        { null, null, "https://dynamodb.eu-west-1.amazonaws.com/" },
    };

    [Fact]
    public void Create_LedgerTableNamed_GivesTheDynamoDbClientTenSecondAttemptsAndTheWireClientsRetries()
    {
        using RemediatorServices services = Create(new RemediatorSettings { LedgerTable = "ledger" });

        Assert.IsType<DynamoDbLedger>(services.Ledger);
        IClientConfig config = Assert.IsType<AmazonDynamoDBClient>(services.LedgerClient).Config;
        Assert.Equal(TimeSpan.FromSeconds(10), config.Timeout);
        Assert.Equal((RequestRetryMode.Standard, 3), (config.RetryMode, config.MaxErrorRetry));
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public void Create_EndpointVariables_ReachTheLedgerClientAsEveryOtherClient(string? general, string? dynamo, string expected)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        if (general is not null)
        {
            variables["AWS_ENDPOINT_URL"] = general;
        }

        if (dynamo is not null)
        {
            variables["AWS_ENDPOINT_URL_DYNAMODB"] = dynamo;
        }

        using RemediatorServices services = Create(new RemediatorSettings { LedgerTable = "ledger" }, variables);

        IClientConfig config = services.LedgerClient!.Config;
        Assert.Equal(expected, config.ServiceURL);
        Assert.Equal("eu-west-1", config.AuthenticationRegion);
    }

    [Fact]
    public void Create_TicketsOpsCenter_BuildsNoSsmClientUntilTheFirstCall()
    {
        using RemediatorServices services = Create(new RemediatorSettings());

        Assert.NotNull(services.OpsCenter);
        Assert.Same(services.OpsCenter, services.Dependencies.OpsCenter);
        Assert.False(services.OpsCenter.IsCreated);
    }

    [Fact]
    public async Task OpsCenter_FirstCall_BuildsTheSdkClientWhichSignsForSsmAtTheOverriddenEndpoint()
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Json(200, """{"OpsItem":{"OpsItemId":"oi-0a1b2c3d4e5f","Status":"InProgress"}}"""));
        using RemediatorServices services = Create(new RemediatorSettings(), new Dictionary<string, string> { ["AWS_ENDPOINT_URL_SSM"] = server.BaseUri.ToString() });

        string? status = await services.OpsCenter!.GetStatusAsync("oi-0a1b2c3d4e5f", CancellationToken.None);

        Assert.True(services.OpsCenter.IsCreated);
        Assert.Equal("InProgress", status);
        var request = Assert.Single(server.Requests);
        Assert.Equal("AmazonSSM.GetOpsItem", request.Header("X-Amz-Target"));
        Assert.Contains("/eu-west-1/ssm/aws4_request", request.Header("Authorization"), StringComparison.Ordinal);
        Assert.Contains("Credential=test/", request.Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_TicketsOpsCenter_GivesTheSsmClientTheLedgerClientsTimeoutsAndRetries()
    {
        using RemediatorServices services = Create(new RemediatorSettings(), new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:4566" });

        IClientConfig config = services.OpsCenter!.Client.Sdk.Config;
        Assert.Equal(TimeSpan.FromSeconds(10), config.Timeout);
        Assert.Equal((RequestRetryMode.Standard, 3), (config.RetryMode, config.MaxErrorRetry));
        Assert.Equal(("http://127.0.0.1:4566/", "eu-west-1"), (config.ServiceURL, config.AuthenticationRegion));
    }

    [Theory]
    [InlineData(TicketMode.Sns)]
    [InlineData(TicketMode.None)]
    public void Create_TicketsNotOpsCenter_HasNoOpsCenterClient(TicketMode tickets)
    {
        using RemediatorServices services = Create(new RemediatorSettings { Tickets = tickets });

        Assert.Null(services.OpsCenter);
        Assert.Null(services.Dependencies.OpsCenter);
    }

    [Fact]
    public void Create_NoTable_UsesTheInMemoryLedgerAndNoDynamoDbClient()
    {
        using RemediatorServices services = Create(new RemediatorSettings());

        Assert.IsType<InMemoryLedger>(services.Ledger);
        Assert.Null(services.LedgerClient);
    }

    [Fact]
    public void Create_LedgerGiven_WinsOverTheTable()
    {
        var ledger = new InMemoryLedger(TimeProvider.System);

        using RemediatorServices services = RemediatorServices.Create(
            new RemediatorSettings { LedgerTable = "ledger" }, AwsEnvironment.FromDictionary(new Dictionary<string, string>()), TimeProvider.System, new RecordingSink(), TestKeys, ledger);

        Assert.Same(ledger, services.Ledger);
        Assert.Same(ledger, services.Dependencies.Ledger);
        Assert.Null(services.LedgerClient);
    }

    [Fact]
    public void Create_Dependencies_CarryTheClientsTheSinkAndTheClock()
    {
        var sink = new RecordingSink();
        var clock = new FakeTimeProvider(TestAws.Now);

        using RemediatorServices services = RemediatorServices.Create(
            new RemediatorSettings(), AwsEnvironment.FromDictionary(new Dictionary<string, string>()), clock, sink, TestKeys);

        Assert.Same(sink, services.Dependencies.LogSink);
        Assert.Same(clock, services.Dependencies.Time);
        Assert.Same(services.Clients.Lambda, services.Dependencies.Lambda);
        Assert.Same(services.Clients.ApiGateway, services.Dependencies.RestApis);
        Assert.Same(services.Clients.ApiGatewayV2, services.Dependencies.V2Apis);
        Assert.Same(services.Clients.Logs, services.Dependencies.Logs);
        Assert.Same(services.Ledger, services.Dependencies.Ledger);
        Assert.Null(services.Dependencies.Notifications);
    }

    [Fact]
    public void Create_TopicSet_NotifiesThroughSns()
    {
        using RemediatorServices services = Create(new RemediatorSettings { TopicArn = "arn:aws:sns:eu-west-1:123456789012:remediator" });

        Assert.Same(services.Clients.Sns, services.Dependencies.Notifications);
    }

    [Fact]
    public void Create_NoRegionAnywhere_FailsNamingTheVariable()
    {
        var error = Assert.Throws<InvalidOperationException>(() => RemediatorServices.Create(
            new RemediatorSettings { LedgerTable = "ledger" }, AwsEnvironment.FromDictionary(new Dictionary<string, string>()), TimeProvider.System, new RecordingSink()));

        Assert.Contains("AWS_REGION", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccountIdAsync_InvokedFunctionArn_IsTheAccountWithoutCallingSts()
    {
        await using var server = new LoopbackServer();
        using RemediatorServices services = Create(new RemediatorSettings(), new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = server.BaseUri.ToString() });

        string account = await services.AccountIdAsync("arn:aws:lambda:eu-west-1:210987654321:function:remediator", CancellationToken.None);

        Assert.Equal("210987654321", account);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("remediator")]
    public async Task AccountIdAsync_NoUsableArn_AsksSts(string? invokedFunctionArn)
    {
        await using var server = new LoopbackServer();
        server.Enqueue(CannedResponse.Xml(200, Fixture.Text("Sts", "get-caller-identity.xml")));
        using RemediatorServices services = Create(new RemediatorSettings(), new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = server.BaseUri.ToString() });

        string account = await services.AccountIdAsync(invokedFunctionArn, CancellationToken.None);

        Assert.Equal("123456789012", account);
        Assert.Single(server.Requests);
    }

    [Fact]
    public void CreateEngine_EmptyAccount_IsRefused()
    {
        using RemediatorServices services = Create(new RemediatorSettings());

        Assert.Throws<ArgumentException>(() => services.CreateEngine(""));
    }

    private static RemediatorServices Create(RemediatorSettings settings, Dictionary<string, string>? variables = null) =>
        RemediatorServices.Create(settings, AwsEnvironment.FromDictionary(variables ?? new Dictionary<string, string>()), TimeProvider.System, new RecordingSink(), TestKeys);
}
