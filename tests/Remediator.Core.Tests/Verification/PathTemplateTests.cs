using Remediator.Core.Verification;

namespace Remediator.Core.Tests.Verification;

public class PathTemplateTests
{
    [Theory]
    [InlineData("/", "/", true)]
    [InlineData("/pets", "/pets", true)]
    [InlineData("/pets", "/pets/", true)]
    [InlineData("/pets", "/Pets", false)]
    [InlineData("/pets", "/pets/1", false)]
    [InlineData("/pets/{id}", "/pets/42", true)]
    [InlineData("/pets/{id}", "/pets", false)]
    [InlineData("/pets/{id}", "/pets/42/toys", false)]
    [InlineData("/pets/{id}", "/pets//", false)]
    [InlineData("/pets/{id}/toys", "/pets/42/toys", true)]
    [InlineData("/{proxy+}", "/a", true)]
    [InlineData("/{proxy+}", "/a/b/c", true)]
    [InlineData("/{proxy+}", "/", false)]
    [InlineData("/files/{path+}", "/files/a/b.txt", true)]
    [InlineData("/files/{path+}", "/files", false)]
    [InlineData("/{proxy+}/x", "/a/x", false)]
    [InlineData("pets", "/pets", false)]
    public void Match_Table(string template, string path, bool matches) =>
        Assert.Equal(matches, PathTemplate.Match(template, path) is not null);

    [Theory]
    [InlineData("/pets/dog", "/pets/{id}", "/pets/dog")]
    [InlineData("/pets/{id}", "/pets/{proxy+}", "/pets/1")]
    [InlineData("/pets/{proxy+}", "/{proxy+}", "/pets/1")]
    [InlineData("/pets/{id}/toys", "/pets/{proxy+}", "/pets/1/toys")]
    [InlineData("/{a}/toys", "/{proxy+}", "/x/toys")]
    public void CompareTo_MoreSpecificTemplate_SortsFirst(string specific, string general, string path)
    {
        PathSpecificity a = PathTemplate.Match(specific, path)!;
        PathSpecificity b = PathTemplate.Match(general, path)!;

        Assert.True(a.CompareTo(b) < 0);
        Assert.True(b.CompareTo(a) > 0);
    }

    [Theory]
    [InlineData("/pets/{id}", true)]
    [InlineData("/{proxy+}", true)]
    [InlineData("/pets", false)]
    [InlineData("/", false)]
    public void HasParameters_Table(string template, bool expected) => Assert.Equal(expected, PathTemplate.HasParameters(template));
}
