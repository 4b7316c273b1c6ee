namespace AutoMl.Sdk.Tests.Support;

/// <summary>Reports on the calling thread, unlike Progress&lt;T&gt;, so a test sees every report before it asserts.</summary>
public sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
