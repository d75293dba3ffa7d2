using Remediator.Core.Ports;
using Remediator.Core.Verification;

namespace Remediator.Core.Tests.Verification;

public class RestMethodSelectorTests
{
    private static readonly DeployedMethod[] Api =
    [
        .. Resource("/", "GET"),
        .. Resource("/pets", "GET", "POST"),
        .. Resource("/pets/{id}", "GET", "DELETE"),
        .. Resource("/pets/dog", "ANY"),
        .. Resource("/pets/{proxy+}", "ANY"),
        .. Resource("/{proxy+}", "ANY"),
        .. Resource("/orders/{id}", "GET"),
    ];

    [Theory]
    [InlineData("GET", "/", "/", "GET")]
    [InlineData("GET", "/pets", "/pets", "GET")]
    [InlineData("PUT", "/pets", "/{proxy+}", "ANY")]
    [InlineData("GET", "/pets/42", "/pets/{id}", "GET")]
    [InlineData("delete", "/pets/42", "/pets/{id}", "DELETE")]
    [InlineData("PATCH", "/pets/42", "/pets/{proxy+}", "ANY")]
    [InlineData("GET", "/pets/dog", "/pets/dog", "ANY")]
    [InlineData("GET", "/pets/42/toys", "/pets/{proxy+}", "ANY")]
    [InlineData("POST", "/orders/7", "/{proxy+}", "ANY")]
    [InlineData("GET", "/anything/at/all", "/{proxy+}", "ANY")]
    public void Select_PicksTheMostSpecificResourceServingTheMethod(string method, string path, string resource, string configured)
    {
        DeployedMethod selection = RestMethodSelector.Select(Api, method, path)!;

        Assert.Equal((resource, configured), (selection.Path, selection.HttpMethod));
    }

    [Fact]
    public void Select_NoResourceServes_ReturnsNull()
    {
        DeployedMethod[] api = Resource("/pets/{id}", "GET");

        Assert.Null(RestMethodSelector.Select(api, "POST", "/pets/1"));
        Assert.Null(RestMethodSelector.Select(api, "GET", "/owners/1"));
    }

    [Theory]
    [InlineData("ANY", "GET")]
    [InlineData("GET", "ANY")]
    public void Select_OneResource_VerbBeatsAnyWhateverTheOrder(string first, string second)
    {
        DeployedMethod[] both = Resource("/x", first, second);

        Assert.Equal("GET", RestMethodSelector.Select(both, "GET", "/x")!.HttpMethod);
        Assert.Equal("ANY", RestMethodSelector.Select(both, "POST", "/x")!.HttpMethod);
    }

    private static DeployedMethod[] Resource(string path, params string[] methods) =>
        [.. methods.Select(m => new DeployedMethod(path, m, null, null))];
}
