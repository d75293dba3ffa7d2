namespace Remediator.Deployment.Tests.Config;

public class TomlDocumentTests
{
    [Fact]
    public void Parse_TablesKeysAndValueKinds_AreRead()
    {
        var toml = TomlDocument.Parse("""
            version = 0.1 # trailing comment
            [default.deploy.parameters]
            stack_name = "remediator"  
            capabilities = "CAPABILITY_IAM"
            resolve_s3 = true
            confirm_changeset = false
            retries = 3
            literal = 'C:\path # not a comment'
            escaped = "say \"hi\" # still text"
            list = ["a", 'b', 3]
            """);

        Assert.Equal(0.1, toml.Root["version"]);
        var table = toml.Table("default.deploy.parameters")!;
        Assert.Equal("remediator", table["stack_name"]);
        Assert.Equal(true, table["resolve_s3"]);
        Assert.Equal(false, table["confirm_changeset"]);
        Assert.Equal(3L, table["retries"]);
        Assert.Equal(@"C:\path # not a comment", table["literal"]);
        Assert.Equal("say \"hi\" # still text", table["escaped"]);
        Assert.Equal(new object[] { "a", "b", 3L }, (List<object>)table["list"]);
        Assert.Equal(["default.deploy.parameters"], toml.TableNames);
    }

    [Theory]
    [InlineData("a = \"unterminated")]
    [InlineData("a = 1\na = 2")]
    [InlineData("[t]\n[t]")]
    [InlineData("[[array.of.tables]]")]
    [InlineData("just text")]
    [InlineData("a = nope")]
    [InlineData("a = [1 2]")]
    [InlineData("a = \"x\" trailing")]
    public void Parse_UnsupportedOrInvalidInput_Throws(string text)
    {
        Assert.Throws<FormatException>(() => TomlDocument.Parse(text));
    }
}
