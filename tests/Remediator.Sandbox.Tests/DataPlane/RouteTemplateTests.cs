using Remediator.Sandbox.DataPlane;

namespace Remediator.Sandbox.Tests.DataPlane;

public sealed class RouteTemplateTests
{
    [Theory]
    [InlineData("/pets/{id}", "/pets/42", "id=42")]
    [InlineData("/pets", "/pets", "")]
    [InlineData("/", "/", "")]
    [InlineData("/{proxy+}", "/a/b/c", "proxy=a/b/c")]
    [InlineData("/pets/{id}/toys/{toy}", "/pets/1/toys/ball", "id=1,toy=ball")]
    public void Match_FittingPath_ReturnsParameters(string template, string path, string expected)
    {
        var values = RouteTemplate.Match(template, path);

        Assert.Equal(expected, string.Join(',', values!.Select(v => $"{v.Key}={v.Value}")));
    }

    [Theory]
    [InlineData("/pets/{id}", "/pets")]
    [InlineData("/pets/{id}", "/pets/1/2")]
    [InlineData("/pets", "/cats")]
    [InlineData("/{proxy+}", "/")]
    public void Match_OtherPath_ReturnsNull(string template, string path)
    {
        Assert.Null(RouteTemplate.Match(template, path));
    }

    [Fact]
    public void MostSpecific_LiteralBeatsParameterBeatsGreedy()
    {
        string[] templates = ["/{proxy+}", "/pets/{id}", "/pets/mine"];

        Assert.Equal("/pets/mine", RouteTemplate.MostSpecific(templates, t => t));
        Assert.Equal("/pets/{id}", RouteTemplate.MostSpecific(templates.Where(t => RouteTemplate.Match(t, "/pets/9") is not null), t => t));
    }
}
