using Remediator.Aws.Composition;
using Remediator.Aws.Config;
using Remediator.Aws.Credentials;
using Remediator.Aws.Tests.Dynalite;
using Remediator.Aws.Tests.TestSupport;
using Remediator.Core.Configuration;
using Remediator.Emulation.Credentials;

namespace Remediator.Aws.Tests.Composition;

/// <summary>The DynamoDB ledger the composition root builds, against dynalite: its SDK client waits for the first call.</summary>
[Collection(DynaliteCollection.Name)]
public sealed class RemediatorServicesLedgerTests(DynaliteFixture dynalite)
{
    [Fact]
    public async Task Create_LedgerTableNamed_BuildsTheSdkClientOnTheFirstLedgerCallOnly()
    {
        string table = await dynalite.CreateLedgerTableAsync();
        var environment = AwsEnvironment.FromDictionary(new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL_DYNAMODB"] = dynalite.Client.Config.ServiceURL,
        });
        using RemediatorServices services = RemediatorServices.Create(
            new RemediatorSettings { LedgerTable = table },
            environment,
            TimeProvider.System,
            new RecordingSink(),
            new AwsClientSettings { Region = "us-east-1", Credentials = new StaticCredentialsProvider(new AwsCredentials("test", "test")) });

        Assert.False(services.LedgerClientBuilt);

        Assert.Null(await services.Ledger.GetAsync("nothing-here", CancellationToken.None));
        Assert.True(services.LedgerClientBuilt);
        Assert.Null(await services.Ledger.GetAsync("still-nothing", CancellationToken.None));
        Assert.Same(services.LedgerClient, services.LedgerClient);
    }
}
