using Remediator.Aws.Config;
using Remediator.Aws.Tests.TestSupport;

namespace Remediator.Aws.Tests.Config;

public sealed class AwsRegionResolverTests
{
    private const string ConfigText = """
        [default]
        region = us-west-1

        [profile ops]
        region = eu-north-1
        """;

    [Theory]
    [InlineData("eu-west-1", "ap-south-1", null, "eu-west-1")]
    [InlineData(null, "ap-south-1", null, "ap-south-1")]
    [InlineData(null, null, null, "us-west-1")]
    [InlineData(null, null, "ops", "eu-north-1")]
    [InlineData(null, null, "missing", null)]
    public void Resolve_Sources_FollowSdkOrder(string? awsRegion, string? defaultRegion, string? profile, string? expected)
    {
        using var home = new TempHome(ConfigText);
        var variables = new Dictionary<string, string>();
        if (awsRegion is not null)
        {
            variables["AWS_REGION"] = awsRegion;
        }

        if (defaultRegion is not null)
        {
            variables["AWS_DEFAULT_REGION"] = defaultRegion;
        }

        if (profile is not null)
        {
            variables["AWS_PROFILE"] = profile;
        }

        Assert.Equal(expected, AwsRegionResolver.Resolve(AwsEnvironment.FromDictionary(variables, home.Path)));
    }

    [Fact]
    public void Resolve_ConfigFileVariable_IsRead()
    {
        using var home = new TempHome(ConfigText);
        var variables = new Dictionary<string, string> { ["AWS_CONFIG_FILE"] = Path.Combine(home.Path, ".aws", "config") };

        Assert.Equal("us-west-1", AwsRegionResolver.Resolve(AwsEnvironment.FromDictionary(variables, homeDirectory: null)));
    }

    [Fact]
    public void Resolve_NoHomeNoVariables_IsNull()
    {
        Assert.Null(AwsRegionResolver.Resolve(AwsEnvironment.FromDictionary(new Dictionary<string, string>())));
    }
}
