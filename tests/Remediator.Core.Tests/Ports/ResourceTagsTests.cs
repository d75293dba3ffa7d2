using Remediator.Core.Ports;

namespace Remediator.Core.Tests.Ports;

public class ResourceTagsTests
{
    [Fact]
    public void Of_MissingOrEmpty_IsTheSharedNone()
    {
        Assert.Same(ResourceTags.None, ResourceTags.Of(null));
        Assert.Same(ResourceTags.None, ResourceTags.Of(new Dictionary<string, string>()));
    }

    [Fact]
    public void Of_Tags_KeepsKeysCaseSensitive()
    {
        IReadOnlyDictionary<string, string> tags = ResourceTags.Of(new Dictionary<string, string> { ["Team"] = "pets" });

        Assert.True(tags.ContainsKey("Team"));
        Assert.False(tags.ContainsKey("team"));
    }

    [Fact]
    public void ApiRecords_WithEqualTagsInOtherInstances_AreEqual()
    {
        var one = new RestApi("a1", "pets") { Tags = new Dictionary<string, string> { ["k"] = "v" } };
        var two = new RestApi("a1", "pets") { Tags = new Dictionary<string, string> { ["k"] = "v" } };
        var http = new HttpApi("h1", "items", "HTTP", null) { Tags = new Dictionary<string, string> { ["k"] = "v" } };

        Assert.Equal(one, two);
        Assert.NotEqual(one, two with { Tags = new Dictionary<string, string> { ["k"] = "w" } });
        Assert.Equal(http, http with { Tags = new Dictionary<string, string> { ["k"] = "v" } });
        Assert.NotEqual(http, http with { Tags = ResourceTags.None });
    }
}
