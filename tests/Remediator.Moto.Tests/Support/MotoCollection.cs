namespace Remediator.Moto.Tests.Support;

/// <summary>Test classes in this collection share one moto server, reset before each test that seeds it.</summary>
[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<MotoFixture>
{
    public const string Name = "moto";
}
