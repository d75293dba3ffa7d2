using Remediator.Aws.Config;
using Remediator.Aws.Endpoints;
using Remediator.Aws.Tests.TestSupport;

namespace Remediator.Aws.Tests.Endpoints;

public sealed class AwsEndpointResolverTests
{
    public static TheoryData<string, string, string> Defaults => new()
    {
        { "lambda", "us-east-1", "https://lambda.us-east-1.amazonaws.com/" },
        { "logs", "eu-west-1", "https://logs.eu-west-1.amazonaws.com/" },
        { "sns", "cn-north-1", "https://sns.cn-north-1.amazonaws.com.cn/" },
        { "apigateway", "cn-northwest-1", "https://apigateway.cn-northwest-1.amazonaws.com.cn/" },
        { "ssm", "ap-southeast-2", "https://ssm.ap-southeast-2.amazonaws.com/" },
        { "sts", "us-west-2", "https://sts.us-west-2.amazonaws.com/" },
    };

    [Theory]
    [MemberData(nameof(Defaults))]
    public void Resolve_NothingConfigured_UsesRegionalHost(string prefix, string region, string expected)
    {
        var service = All.Single(s => s.EndpointPrefix == prefix && s.ServiceId != "ApiGatewayV2");
        var resolver = new AwsEndpointResolver(AwsEnvironment.FromDictionary(new Dictionary<string, string>()));

        Assert.Equal(new Uri(expected), resolver.Resolve(service, region));
    }

    [Theory]
    [InlineData("Lambda", "AWS_ENDPOINT_URL_LAMBDA", "lambda")]
    [InlineData("CloudWatch Logs", "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS", "cloudwatch_logs")]
    [InlineData("SNS", "AWS_ENDPOINT_URL_SNS", "sns")]
    [InlineData("API Gateway", "AWS_ENDPOINT_URL_API_GATEWAY", "api_gateway")]
    [InlineData("ApiGatewayV2", "AWS_ENDPOINT_URL_APIGATEWAYV2", "apigatewayv2")]
    [InlineData("SSM", "AWS_ENDPOINT_URL_SSM", "ssm")]
    [InlineData("STS", "AWS_ENDPOINT_URL_STS", "sts")]
    [InlineData("DynamoDB", "AWS_ENDPOINT_URL_DYNAMODB", "dynamodb")]
    public void ServiceId_KnownServices_MapToSdkVariableAndConfigKey(string serviceId, string variable, string configKey)
    {
        var service = All.Single(s => s.ServiceId == serviceId);

        Assert.Equal(variable, "AWS_ENDPOINT_URL_" + service.EnvironmentSuffix);
        Assert.Equal(configKey, service.ConfigKey);
    }

    [Fact]
    public void Resolve_ServiceVariable_WinsOverGlobal()
    {
        var resolver = Resolver(new() { ["AWS_ENDPOINT_URL"] = "http://global:1", ["AWS_ENDPOINT_URL_CLOUDWATCH_LOGS"] = "http://logs:2" });

        Assert.Equal(new Uri("http://logs:2"), resolver.Resolve(AwsService.Logs, "us-east-1"));
        Assert.Equal(new Uri("http://global:1"), resolver.Resolve(AwsService.Lambda, "us-east-1"));
    }

    [Fact]
    public void Resolve_ConfigFile_ServicesSectionThenProfileEndpoint()
    {
        using var home = new TempHome("""
            [profile dev]
            region = eu-central-1
            endpoint_url = http://profile:3
            services = local

            [services local]
            lambda =
              endpoint_url = http://lambda-local:4
            """);
        var environment = AwsEnvironment.FromDictionary(new Dictionary<string, string> { ["AWS_PROFILE"] = "dev" }, home.Path);
        var resolver = new AwsEndpointResolver(environment);

        Assert.Equal(new Uri("http://lambda-local:4"), resolver.Resolve(AwsService.Lambda, "eu-central-1"));
        Assert.Equal(new Uri("http://profile:3"), resolver.Resolve(AwsService.Sns, "eu-central-1"));
        Assert.Equal("eu-central-1", AwsRegionResolver.Resolve(environment));
    }

    [Fact]
    public void Resolve_IgnoreConfiguredEndpoints_UsesDefault()
    {
        var resolver = Resolver(new() { ["AWS_ENDPOINT_URL"] = "http://global:1", ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true" });

        Assert.Equal(new Uri("https://lambda.us-east-1.amazonaws.com"), resolver.Resolve(AwsService.Lambda, "us-east-1"));
    }

    [Fact]
    public void Resolve_InvalidUrl_FailsWithTheValue()
    {
        var resolver = Resolver(new() { ["AWS_ENDPOINT_URL"] = "localhost:4566" });

        var error = Assert.Throws<InvalidOperationException>(() => resolver.Resolve(AwsService.Lambda, "us-east-1"));
        Assert.Contains("localhost:4566", error.Message, StringComparison.Ordinal);
    }

    private static readonly AwsService[] All =
        [AwsService.Lambda, AwsService.Logs, AwsService.Sns, AwsService.ApiGateway, AwsService.ApiGatewayV2, AwsService.Ssm, AwsService.Sts, AwsService.DynamoDb];

    private static AwsEndpointResolver Resolver(Dictionary<string, string> variables) =>
        new(AwsEnvironment.FromDictionary(variables));
}
