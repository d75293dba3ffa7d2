using Remediator.Aws.ApiGateway;
using Remediator.Aws.ApiGatewayV2;
using Remediator.Aws.Config;
using Remediator.Aws.Credentials;
using Remediator.Aws.Endpoints;
using Remediator.Aws.Http;
using Remediator.Aws.Iam;
using Remediator.Aws.Lambda;
using Remediator.Aws.Logs;
using Remediator.Aws.Quotas;
using Remediator.Aws.Sns;
using Remediator.Aws.Sts;
using Remediator.Core.Ports;

namespace Remediator.Aws.Composition;

/// <summary>Every signed wire client over one shared HTTP core, built in one line by the Lambda, the CLI and tests.</summary>
public sealed class AwsClients : IDisposable
{
    private readonly HttpClient? ownedHttpClient;

    private AwsClients(AwsHttpClient http, string region, IAwsCredentialsProvider credentials, AwsEndpointResolver endpoints, HttpClient? ownedHttpClient)
    {
        Http = http;
        Region = region;
        Credentials = credentials;
        Endpoints = endpoints;
        this.ownedHttpClient = ownedHttpClient;
        Lambda = new LambdaClient(http);
        Logs = new CloudWatchLogsClient(http);
        Sns = new SnsPublisher(http);
        ApiGateway = new ApiGatewayClient(http);
        ApiGatewayV2 = new ApiGatewayV2Client(http);
        Sts = new StsClient(http);
        Iam = new IamClient(http);
    }

    /// <summary>The region every client signs for.</summary>
    public string Region { get; }

    /// <summary>The credentials every client signs with (also usable by SDK clients: the DynamoDB ledger, OpsCenter).</summary>
    public IAwsCredentialsProvider Credentials { get; }

    /// <summary>Endpoint resolution (also for the SDK clients' service URLs).</summary>
    public AwsEndpointResolver Endpoints { get; }

    /// <summary>The shared HTTP core.</summary>
    public AwsHttpClient Http { get; }

    /// <summary>Lambda.</summary>
    public ILambdaClient Lambda { get; }

    /// <summary>CloudWatch Logs.</summary>
    public ICloudWatchLogsClient Logs { get; }

    /// <summary>SNS.</summary>
    public ISnsPublisher Sns { get; }

    /// <summary>API Gateway v1.</summary>
    public IApiGatewayClient ApiGateway { get; }

    /// <summary>API Gateway v2.</summary>
    public IApiGatewayV2Client ApiGatewayV2 { get; }

    /// <summary>STS.</summary>
    public IStsClient Sts { get; }

    /// <summary>IAM (global: its partition's endpoint, signed for its region).</summary>
    public IIamClient Iam { get; }

    /// <summary>
    /// Builds all clients from the environment plus <paramref name="settings"/>. Fails with a message naming
    /// the variables when no region can be found. Pass <paramref name="httpClient"/> to share one you own;
    /// otherwise a pooled one is created and disposed with this object.
    /// </summary>
    public static AwsClients Create(AwsEnvironment environment, AwsClientSettings? settings = null, TimeProvider? timeProvider = null, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        settings ??= new AwsClientSettings();
        var time = timeProvider ?? TimeProvider.System;
        var region = settings.Region
            ?? AwsRegionResolver.Resolve(environment, settings.Profile)
            ?? throw new InvalidOperationException("No AWS region: set AWS_REGION (or AWS_DEFAULT_REGION, or region in the AWS profile).");
        var credentials = settings.Credentials ?? AwsCredentialsResolver.Create(environment, time, settings.Profile);
        var endpoints = new AwsEndpointResolver(environment, settings.Profile);
        var owned = httpClient is null ? AwsHttpClient.CreatePooledHttpClient() : null;
        var http = new AwsHttpClient(
            httpClient ?? owned!, credentials, region, service => endpoints.Resolve(service, region), settings.Retry, time, settings.Quotas ?? new AwsQuotas(time));
        return new AwsClients(http, region, credentials, endpoints, owned);
    }

    /// <summary>Builds all clients from the process environment.</summary>
    public static AwsClients FromProcessEnvironment(AwsClientSettings? settings = null) => Create(AwsEnvironment.FromProcess(), settings);

    /// <inheritdoc />
    public void Dispose()
    {
        ownedHttpClient?.Dispose();
        (Credentials as IDisposable)?.Dispose();
    }
}
