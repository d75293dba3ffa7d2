using Remediator.Aws.Config;
using Remediator.Aws.Credentials;

namespace Remediator.Aws.Tests.Credentials;

public sealed class AwsCredentialsResolverTests
{
    private static readonly Dictionary<string, string> Keys = new()
    {
        ["AWS_ACCESS_KEY_ID"] = "AKIDINJECTED",
        ["AWS_SECRET_ACCESS_KEY"] = "injected-secret",
        ["AWS_SESSION_TOKEN"] = "injected-token",
    };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Create_KeysInTheEnvironmentGiven_SignsWithThoseKeysInsideLambdaOrNot(bool insideLambda)
    {
        var variables = new Dictionary<string, string>(Keys);
        if (insideLambda)
        {
            variables["AWS_LAMBDA_FUNCTION_NAME"] = "remediator";
        }

        IAwsCredentialsProvider provider = AwsCredentialsResolver.Create(AwsEnvironment.FromDictionary(variables), TimeProvider.System);

        Assert.IsType<EnvironmentCredentialsProvider>(provider);
        Assert.Equal(new AwsCredentials("AKIDINJECTED", "injected-secret", "injected-token"), await provider.GetCredentialsAsync(CancellationToken.None));
    }

    [Fact]
    public void Create_ProfileNamed_UsesTheProfileOverEnvironmentKeys()
    {
        IAwsCredentialsProvider provider = AwsCredentialsResolver.Create(AwsEnvironment.FromDictionary(Keys), TimeProvider.System, "ops");

        using var refreshing = Assert.IsType<RefreshingCredentialsProvider>(provider);
    }

    [Fact]
    public void Create_NoKeys_UsesTheSdkChainBehindTheCache()
    {
        IAwsCredentialsProvider provider = AwsCredentialsResolver.Create(AwsEnvironment.FromDictionary(new Dictionary<string, string>()), TimeProvider.System);

        using var refreshing = Assert.IsType<RefreshingCredentialsProvider>(provider);
    }
}
