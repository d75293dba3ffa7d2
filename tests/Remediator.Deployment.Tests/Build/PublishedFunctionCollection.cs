namespace Remediator.Deployment.Tests.Build;

/// <summary>Test classes in this collection share one publish of the function.</summary>
[CollectionDefinition(Name)]
public sealed class PublishedFunctionCollection : ICollectionFixture<PublishedFunction>
{
    public const string Name = "published function";
}
