namespace Remediator.Lambda.Tests.EndToEnd;

/// <summary>Shares one published artifact between every end-to-end test class.</summary>
[CollectionDefinition(Name)]
public sealed class PublishedFunctionCollection : ICollectionFixture<PublishedFunction>
{
    public const string Name = "Published function";
}
