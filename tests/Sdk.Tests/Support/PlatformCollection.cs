namespace AutoMl.Sdk.Tests.Support;

/// <summary>One platform (database, worker) for the SDK tests that train, so it starts once.</summary>
[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<SdkPlatformFactory>
{
    public const string Name = "sdk platform";
}
