using Remediator.Core.Ports;
using Remediator.Core.Verification;

namespace Remediator.Core.Tests.Verification;

public class RestMethodSelectorTests
{
    private static readonly RestResource[] Api =
    [
        Resource("/", "GET"),
        Resource("/pets", "GET", "POST"),
        Resource("/pets/{id}", "GET", "DELETE"),
        Resource("/pets/dog", "ANY"),
        Resource("/pets/{proxy+}", "ANY"),
        Resource("/{proxy+}", "ANY"),
        Resource("/orders/{id}", "GET"),
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
        RestSelection selection = RestMethodSelector.Select(Api, method, path)!;

        Assert.Equal((resource, configured), (selection.Resource.Path, selection.Method.HttpMethod));
    }

    [Fact]
    public void Select_NoResourceServes_ReturnsNull()
    {
        RestResource[] api = [Resource("/pets/{id}", "GET")];

        Assert.Null(RestMethodSelector.Select(api, "POST", "/pets/1"));
        Assert.Null(RestMethodSelector.Select(api, "GET", "/owners/1"));
    }

    [Fact]
    public void MethodFor_VerbBeatsAny()
    {
        RestResource both = Resource("/x", "ANY", "GET");

        Assert.Equal("GET", RestMethodSelector.MethodFor(both, "GET")!.HttpMethod);
        Assert.Equal("ANY", RestMethodSelector.MethodFor(both, "POST")!.HttpMethod);
    }

    private static RestResource Resource(string path, params string[] methods) => new(
        path, null, path, path.Split('/')[^1],
        methods.ToDictionary(m => m, m => new RestMethod(m, "NONE", null, null)));
}
