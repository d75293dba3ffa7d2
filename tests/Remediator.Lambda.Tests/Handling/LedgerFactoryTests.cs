using Remediator.Aws.Composition;
using Remediator.Aws.Config;
using Remediator.Aws.Credentials;
using Remediator.Aws.Ledger;
using Remediator.Core.Configuration;
using Remediator.Core.Ledger;
using Remediator.Emulation.Credentials;
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
    public void Create_TableNamed_UsesDynamoDbAndOwnsItsClient()
    {
        using AwsClients clients = Clients([]);
        var owned = new List<IDisposable>();

        Assert.IsType<DynamoDbLedger>(LedgerFactory.Create(new RemediatorSettings { LedgerTable = "ledger" }, clients, TimeProvider.System, owned));
        Assert.IsType<Amazon.DynamoDBv2.AmazonDynamoDBClient>(Assert.Single(owned));
        owned[0].Dispose();
    }

    private static AwsClients Clients(Dictionary<string, string> variables) =>
        AwsClients.Create(
            AwsEnvironment.FromDictionary(variables),
            new AwsClientSettings { Region = "eu-west-1", Credentials = new StaticCredentialsProvider(new AwsCredentials("test", "test")) });
}
