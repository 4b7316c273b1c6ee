namespace AutoMl.Sdk.Tests.Support;

/// <summary>One platform on a loopback port for the tests that run the `automl` CLI as a process.</summary>
[CollectionDefinition(Name)]
public sealed class CliPlatformCollection : ICollectionFixture<KestrelPlatformFactory>
{
    public const string Name = "cli platform";
}
