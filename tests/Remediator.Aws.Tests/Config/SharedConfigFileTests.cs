using Remediator.Aws.Config;

namespace Remediator.Aws.Tests.Config;

public sealed class SharedConfigFileTests
{
    [Fact]
    public void Parse_CommentsSpacingAndSubSettings_AreRead()
    {
        var file = SharedConfigFile.Parse("""
            # comment
            [default]
            region=us-east-1
            ; another
            [profile   a]
            services = s
            [services s]
            cloudwatch_logs =
                endpoint_url = http://logs
            sns =
              endpoint_url = http://sns
            """.Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.Equal("us-east-1", file.ProfileValue("default", "region"));
        Assert.Equal("s", file.ProfileValue("a", "services"));
        Assert.Equal("http://logs", file.ServicesValue("s", "cloudwatch_logs.endpoint_url"));
        Assert.Equal("http://sns", file.ServicesValue("s", "sns.endpoint_url"));
        Assert.Null(file.ProfileValue("a", "region"));
    }

    [Fact]
    public void ProfileValue_DefaultWrittenAsProfileDefault_IsFound()
    {
        var file = SharedConfigFile.Parse("[profile default]\nregion = sa-east-1\n");

        Assert.Equal("sa-east-1", file.ProfileValue("default", "region"));
    }

    [Fact]
    public void Load_MissingFile_IsEmpty()
    {
        Assert.Null(SharedConfigFile.Load("/nonexistent/config").ProfileValue("default", "region"));
    }
}
