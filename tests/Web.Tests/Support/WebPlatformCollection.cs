namespace AutoMl.Web.Tests.Support;

/// <summary>
/// The browser specs run on two platforms side by side, each with its own database, Redis prefix and port: most of a
/// spec's time is spent waiting for training budgets and page loads, not on the cores, so two at a time roughly halve
/// the suite. Specs within one collection run one after another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class WebPlatformCollection : ICollectionFixture<WebPlatformFactory>
{
    public const string Name = "web platform";
}

/// <summary>The second platform: see <see cref="WebPlatformCollection"/>.</summary>
[CollectionDefinition(Name)]
public sealed class SecondWebPlatformCollection : ICollectionFixture<WebPlatformFactory>
{
    public const string Name = "web platform, second";
}
