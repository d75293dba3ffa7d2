using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SimpleSystemsManagement;
using Remediator.Aws.Config;
using Remediator.Aws.Credentials;
using Remediator.Aws.Endpoints;
using Remediator.Aws.Http;
using Remediator.Aws.Ledger;
using Remediator.Aws.Ssm;
using Remediator.Core.Configuration;
using Remediator.Core.Engine;
using Remediator.Core.Ledger;
using Remediator.Core.Observability;
using Remediator.Core.Policy;
using Remediator.Core.Ports;

namespace Remediator.Aws.Composition;

/// <summary>
/// The one composition root of the Lambda and the CLI: from the settings, the environment, a clock and a log
/// sink, every signed wire client (<see cref="AwsClients"/>), the ledger the settings name, the OpsCenter client
/// the ticket mode needs, the account lookup and the engine's dependencies. The AWS SDK clients (DynamoDB, SSM)
/// are built by their first call. Disposing it disposes every client it built.
/// </summary>
public sealed class RemediatorServices : IDisposable
{
    private readonly Lazy<AmazonDynamoDBClient>? ledgerClient;

    private RemediatorServices(
        RemediatorSettings settings, AwsClients clients, ILedger ledger, Lazy<AmazonDynamoDBClient>? ledgerClient, DeferredOpsCenterClient? opsCenter, ILogSink log, TimeProvider clock)
    {
        Settings = settings;
        Clients = clients;
        Ledger = ledger;
        this.ledgerClient = ledgerClient;
        OpsCenter = opsCenter;
        Dependencies = new EngineDependencies
        {
            Lambda = clients.Lambda,
            RestApis = clients.ApiGateway,
            V2Apis = clients.ApiGatewayV2,
            Logs = clients.Logs,
            Ledger = ledger,
            Notifications = settings.TopicArn is null ? null : clients.Sns,
            Iam = settings.TopicArn is null ? null : clients.Iam,
            OpsCenter = opsCenter,
            LogSink = log,
            Time = clock,
        };
    }

    /// <summary>The validated settings everything was built from.</summary>
    public RemediatorSettings Settings { get; }

    /// <summary>Every wire client, signing for <see cref="Region"/> with one credential resolution.</summary>
    public AwsClients Clients { get; }

    /// <summary>The region of the clients.</summary>
    public string Region => Clients.Region;

    /// <summary>DynamoDB when <see cref="RemediatorSettings.LedgerTable"/> is named, else in memory (or the one given).</summary>
    public ILedger Ledger { get; }

    /// <summary>
    /// The AWS SDK client behind a DynamoDB <see cref="Ledger"/> (built by the ledger's first call, or by reading
    /// this); null otherwise.
    /// </summary>
    public IAmazonDynamoDB? LedgerClient => ledgerClient?.Value;

    /// <summary>True once the DynamoDB client exists: a process that never needed the ledger never built it.</summary>
    public bool LedgerClientBuilt => ledgerClient is { IsValueCreated: true };

    /// <summary>
    /// OpsCenter when <see cref="RemediatorSettings.Tickets"/> is <see cref="TicketMode.OpsCenter"/>, else null. Its SDK
    /// client is built by the first call (<see cref="DeferredOpsCenterClient.IsCreated"/>): most invocations open no ticket.
    /// </summary>
    public DeferredOpsCenterClient? OpsCenter { get; }

    /// <summary>What the engine talks to: the clients, the ledger, SNS when a topic is set, OpsCenter when tickets go there, the log sink and the clock.</summary>
    public EngineDependencies Dependencies { get; }

    /// <summary>
    /// Builds everything; nothing is called yet. Fails (InvalidOperationException) when no region can be found.
    /// </summary>
    /// <param name="settings">Validated <c>REMEDIATOR_*</c> settings.</param>
    /// <param name="environment">AWS_REGION, credentials, endpoint overrides, the shared config file.</param>
    /// <param name="clock">Signing, retries, the ledger's leases, the engine's times.</param>
    /// <param name="log">Where the engine's outcome lines and metric documents go.</param>
    /// <param name="clientSettings">What a host fixes (the sandbox's keys, test retries); else the environment decides.</param>
    /// <param name="ledger">A ledger to use instead of the one the settings name (tests).</param>
    public static RemediatorServices Create(
        RemediatorSettings settings,
        AwsEnvironment environment,
        TimeProvider clock,
        ILogSink log,
        AwsClientSettings? clientSettings = null,
        ILedger? ledger = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(log);
        clientSettings ??= new AwsClientSettings();
        AwsClients clients = AwsClients.Create(environment, clientSettings, clock);
        Lazy<AmazonDynamoDBClient>? dynamo = null;
        try
        {
            if (ledger is null && settings.LedgerTable is { } table)
            {
                // The endpoint is resolved now, so an unusable URL fails the start; loading and configuring the
                // AWS SDK waits for the first ledger call (a batch without findings never pays for it).
                string serviceUrl = clients.Endpoints.Resolve(AwsService.DynamoDb, clients.Region).ToString();
                AwsRetryOptions retry = clientSettings.Retry;
                dynamo = new Lazy<AmazonDynamoDBClient>(
                    () => new AmazonDynamoDBClient(new SdkCredentialsBridge(clients.Credentials), LedgerClientConfig(serviceUrl, clients.Region, retry)),
                    LazyThreadSafetyMode.ExecutionAndPublication);
                ledger = new DynamoDbLedger(() => dynamo.Value, table, clock);
            }

            // The same for OpsCenter: its endpoint now, its SDK client with the first ticket.
            DeferredOpsCenterClient? opsCenter = null;
            if (settings.Tickets == TicketMode.OpsCenter)
            {
                string ssmUrl = clients.Endpoints.Resolve(AwsService.Ssm, clients.Region).ToString();
                AwsRetryOptions retry = clientSettings.Retry;
                opsCenter = new DeferredOpsCenterClient(
                    () => new OpsCenterClient(new AmazonSimpleSystemsManagementClient(new SdkCredentialsBridge(clients.Credentials), OpsCenterClientConfig(ssmUrl, clients.Region, retry))));
            }

            // Without a table the claims live in this process only: fine locally, never for a deployed Lambda
            // (it would forget claims and the hourly cap on every cold start).
            return new RemediatorServices(settings, clients, ledger ?? new InMemoryLedger(clock), dynamo, opsCenter, log, clock);
        }
        catch
        {
            clients.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The account Remediator works in: the one in <paramref name="invokedFunctionArn"/> (free, and Lambda's
    /// own word) when given, else STS GetCallerIdentity. Only APIs and functions of that account are granted.
    /// </summary>
    public async Task<string> AccountIdAsync(string? invokedFunctionArn, CancellationToken cancellationToken) =>
        AccountOf(invokedFunctionArn)
        ?? (await Clients.Sts.GetCallerIdentityAsync(cancellationToken).ConfigureAwait(false)).Account;

    /// <summary>The engine for <paramref name="accountId"/> in <see cref="Region"/>, over <see cref="Dependencies"/>.</summary>
    /// <param name="accountId">The account Remediator works in.</param>
    /// <param name="ownFunction">The function Remediator runs as, never granted (the Lambda's invoked ARN).</param>
    public RemediationEngine CreateEngine(string accountId, string? ownFunction = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        return new RemediationEngine(Dependencies, Settings, new EngineOptions { AccountId = accountId, Region = Region, OwnFunction = ownFunction });
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (ledgerClient is { IsValueCreated: true })
        {
            ledgerClient.Value.Dispose();
        }

        OpsCenter?.Dispose();
        Clients.Dispose();
    }

    /// <summary>
    /// The ledger's DynamoDB client configuration: the endpoint resolved exactly as for every other client
    /// (AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL, the profile, the regional endpoint), and the wire clients'
    /// retry settings, so one attempt lasts at most <see cref="AwsRetryOptions.AttemptTimeout"/> (10 s) and a
    /// call makes at most <see cref="AwsRetryOptions.MaxAttempts"/> (4) attempts.
    /// </summary>
    internal static AmazonDynamoDBConfig LedgerClientConfig(string serviceUrl, string region, AwsRetryOptions retry) =>
        SdkClientConfig(new AmazonDynamoDBConfig(), serviceUrl, region, retry);

    /// <summary>The OpsCenter (SSM) client configuration, by the same rules (AWS_ENDPOINT_URL_SSM, AWS_ENDPOINT_URL, ...).</summary>
    internal static AmazonSimpleSystemsManagementConfig OpsCenterClientConfig(string serviceUrl, string region, AwsRetryOptions retry) =>
        SdkClientConfig(new AmazonSimpleSystemsManagementConfig(), serviceUrl, region, retry);

    /// <summary>The STS client configuration (operators assuming roles in other accounts), by the same rules (AWS_ENDPOINT_URL_STS, ...).</summary>
    public static AmazonSecurityTokenServiceConfig StsClientConfig(string serviceUrl, string region, AwsRetryOptions retry) =>
        SdkClientConfig(new AmazonSecurityTokenServiceConfig(), serviceUrl, region, retry);

    private static TConfig SdkClientConfig<TConfig>(TConfig config, string serviceUrl, string region, AwsRetryOptions retry)
        where TConfig : ClientConfig
    {
        config.ServiceURL = serviceUrl;
        config.AuthenticationRegion = region;

        // Well inside any sensible function timeout; the invocation's own cancellation cuts it shorter. Unset,
        // an attempt waits as long as the SDK's HTTP client lets it.
        config.Timeout = retry.AttemptTimeout;

        // The SDK's DynamoDB default is 10 retries whatever AWS_RETRY_MODE says; an SDK call should cost no
        // more than any other call.
        config.RetryMode = RequestRetryMode.Standard;
        config.MaxErrorRetry = retry.MaxAttempts - 1;
        return config;
    }

    internal static string? AccountOf(string? functionArn) =>
        LambdaFunctionArn.Parse(functionArn) is { IsSuccess: true } parsed ? parsed.Value!.AccountId : null;
}
