namespace Remediator.Lambda.Tests.EndToEnd;

/// <summary>Shares one published artifact, and one dynalite for the DynamoDB ledger, between every end-to-end test class.</summary>
[CollectionDefinition(Name)]
public sealed class PublishedFunctionCollection : ICollectionFixture<PublishedFunction>, ICollectionFixture<Remediator.Aws.Tests.Dynalite.DynaliteFixture>
{
    public const string Name = "Published function";
}
