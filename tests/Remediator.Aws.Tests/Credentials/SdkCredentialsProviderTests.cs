using Amazon.Runtime;
using Remediator.Aws.Credentials;

namespace Remediator.Aws.Tests.Credentials;

public sealed class SdkCredentialsProviderTests
{
    [Fact]
    public async Task GetCredentialsAsync_BasicSdkCredentials_ConvertsWithoutToken()
    {
        var provider = new SdkCredentialsProvider(new BasicAWSCredentials("AKIDBASIC", "basic-secret"));

        Assert.Equal(new AwsCredentials("AKIDBASIC", "basic-secret"), await provider.GetCredentialsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task GetCredentialsAsync_SessionSdkCredentials_KeepsToken()
    {
        var provider = new SdkCredentialsProvider(new SessionAWSCredentials("ASIASESSION", "s", "tok"));

        var credentials = await provider.GetCredentialsAsync(CancellationToken.None);

        Assert.Equal(("ASIASESSION", "tok"), (credentials.AccessKeyId, credentials.SessionToken));
    }

    [Fact]
    public async Task GetCredentialsAsync_NamedProfileInCredentialsFile_ReadsIt()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("remediator-creds-").FullName, "credentials");
        await File.WriteAllTextAsync(file, "[ops]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = profile-secret\n");
        try
        {
            var credentials = await new SdkCredentialsProvider("ops", file).GetCredentialsAsync(CancellationToken.None);

            Assert.Equal(new AwsCredentials("AKIDPROFILE", "profile-secret"), credentials);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

    [Fact]
    public async Task GetCredentialsAsync_UnknownProfile_FailsNamingIt()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("remediator-creds-").FullName, "credentials");
        await File.WriteAllTextAsync(file, "[other]\naws_access_key_id = A\naws_secret_access_key = S\n");
        try
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await new SdkCredentialsProvider("missing", file).GetCredentialsAsync(CancellationToken.None));

            Assert.Contains("missing", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }
}
