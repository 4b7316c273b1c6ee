namespace AutoMl.Web.Tests.Support;

/// <summary>One platform for every browser spec: they run one after another, which suits a small machine.</summary>
[CollectionDefinition(Name)]
public sealed class WebPlatformCollection : ICollectionFixture<WebPlatformFactory>
{
    public const string Name = "web platform";
}
