namespace AutoMl.Sdk.Http;

/// <summary>Passes reports straight on, in order, on the reporting thread (Progress&lt;T&gt; would post them to a context, out of order).</summary>
internal sealed class SyncReport<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
