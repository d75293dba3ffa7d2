namespace Remediator.Aws.Endpoints;

/// <summary>
/// What identifies a service on the wire: the SigV4 signing name, the endpoint host prefix, and the
/// <c>serviceId</c> of its model (which names its <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c> variable and its
/// key in the shared config file's <c>services</c> section).
/// </summary>
public sealed record AwsService(string SigningName, string EndpointPrefix, string ServiceId)
{
    /// <summary>AWS Lambda (rest-json).</summary>
    public static readonly AwsService Lambda = new("lambda", "lambda", "Lambda");

    /// <summary>Amazon CloudWatch Logs (JSON 1.1).</summary>
    public static readonly AwsService Logs = new("logs", "logs", "CloudWatch Logs");

    /// <summary>Amazon SNS (query).</summary>
    public static readonly AwsService Sns = new("sns", "sns", "SNS");

    /// <summary>Amazon API Gateway REST APIs (rest-json).</summary>
    public static readonly AwsService ApiGateway = new("apigateway", "apigateway", "API Gateway");

    /// <summary>Amazon API Gateway v2: HTTP and WebSocket APIs share the v1 host and signing name.</summary>
    public static readonly AwsService ApiGatewayV2 = new("apigateway", "apigateway", "ApiGatewayV2");

    /// <summary>AWS Systems Manager (JSON 1.1).</summary>
    public static readonly AwsService Ssm = new("ssm", "ssm", "SSM");

    /// <summary>AWS STS (query), regional endpoint.</summary>
    public static readonly AwsService Sts = new("sts", "sts", "STS");

    /// <summary>Amazon SQS (JSON 1.0), for the CLI's redrive of the dead-letter queue.</summary>
    public static readonly AwsService Sqs = new("sqs", "sqs", "SQS");

    /// <summary>Amazon DynamoDB (JSON 1.0).</summary>
    public static readonly AwsService DynamoDb = new("dynamodb", "dynamodb", "DynamoDB");

    /// <summary>AWS IAM (query): one global endpoint per partition, signed for the partition's first region.</summary>
    public static readonly AwsService Iam = new("iam", "iam", "IAM") { Global = true };

    /// <summary>True for a service with one endpoint per partition instead of one per region (IAM).</summary>
    public bool Global { get; init; }

    /// <summary>
    /// The region a request of this service is signed for when the clients work in <paramref name="region"/>: that
    /// region, or for a global service the one its partition's endpoint signs for (us-east-1, cn-north-1, us-gov-west-1).
    /// </summary>
    public string SigningRegion(string region)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        if (!Global)
        {
            return region;
        }

        return region.StartsWith("cn-", StringComparison.Ordinal) ? "cn-north-1"
            : region.StartsWith("us-gov-", StringComparison.Ordinal) ? "us-gov-west-1"
            : "us-east-1";
    }

    /// <summary>Suffix of the service-specific environment variable: serviceId upper-cased, spaces to underscores.</summary>
    public string EnvironmentSuffix => ServiceId.Replace(' ', '_').ToUpperInvariant();

    /// <summary>Key in a <c>[services ...]</c> section: serviceId lower-cased, spaces to underscores.</summary>
    public string ConfigKey => ServiceId.Replace(' ', '_').ToLowerInvariant();
}
