using Remediator.Aws.Composition;
using Remediator.Aws.Config;
using Remediator.Aws.Credentials;
using Remediator.Core.Configuration;
using Remediator.Core.Ledger;
using Remediator.Lambda.Handling;

namespace Remediator.Lambda.Tests.Handling;

public sealed class LedgerFactoryTests
{
    public static TheoryData<string?, string?, string> Endpoints => new()
    {
        { "http://127.0.0.1:4566", "http://127.0.0.1:8000", "http://127.0.0.1:8000/" },
        { "http://127.0.0.1:4566", null, "http://127.0.0.1:4566/" },
        { null, null, "https://dynamodb.eu-west-1.amazonaws.com/" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public void DynamoDbConfig_EndpointVariables_ResolveAsForEveryOtherClient(string? general, string? dynamo, string expected)
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

        using AwsClients clients = Clients(variables);

        Amazon.DynamoDBv2.AmazonDynamoDBConfig config = LedgerFactory.DynamoDbConfig(clients);

        Assert.Equal(expected, config.ServiceURL);
        Assert.Equal("eu-west-1", config.AuthenticationRegion);
    }

    [Fact]
    public void Create_NoTable_UsesTheInMemoryLedgerAndOwnsNothing()
    {
        using AwsClients clients = Clients([]);
        var owned = new List<IDisposable>();

        Assert.IsType<InMemoryLedger>(LedgerFactory.Create(new RemediatorSettings(), clients, TimeProvider.System, owned));
        Assert.Empty(owned);
    }

    [Fact]
    public void Create_TableNamed_DefersTheDynamoDbClientToTheFirstLedgerCall()
    {
        using AwsClients clients = Clients([]);
        var owned = new List<IDisposable>();

        // A CONTROL_MESSAGE never touches the ledger: init must not build the SDK client it would not use.
        DeferredLedger ledger = Assert.IsType<DeferredLedger>(
            LedgerFactory.Create(new RemediatorSettings { LedgerTable = "ledger" }, clients, TimeProvider.System, owned));
        Assert.Same(ledger, Assert.Single(owned));
        Assert.False(ledger.IsBuilt);
        owned[0].Dispose();
    }

    [Fact]
    public async Task Create_TableNamed_BuildsTheDynamoDbLedgerOnFirstUseAndDisposesItsClient()
    {
        // A closed loopback port: the call fails fast, but only after the ledger was built for it.
        using AwsClients clients = Clients(new() { ["AWS_ENDPOINT_URL_DYNAMODB"] = "http://127.0.0.1:9" });
        var owned = new List<IDisposable>();
        var ledger = (DeferredLedger)LedgerFactory.Create(new RemediatorSettings { LedgerTable = "ledger" }, clients, TimeProvider.System, owned);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ledger.GetAsync("fingerprint", cancelled.Token));

        Assert.True(ledger.IsBuilt);
        ledger.Dispose();
    }

    [Fact]
    public void Create_TableNamedWithAnUnusableEndpoint_FailsAtInitAsBefore()
    {
        using AwsClients clients = Clients(new() { ["AWS_ENDPOINT_URL_DYNAMODB"] = "not a url" });

        Assert.Throws<InvalidOperationException>(() =>
            LedgerFactory.Create(new RemediatorSettings { LedgerTable = "ledger" }, clients, TimeProvider.System, new List<IDisposable>()));
    }

    private static AwsClients Clients(Dictionary<string, string> variables) =>
        AwsClients.Create(
            AwsEnvironment.FromDictionary(variables),
            new AwsClientSettings { Region = "eu-west-1", Credentials = new StaticCredentialsProvider(new AwsCredentials("test", "test")) });
}
