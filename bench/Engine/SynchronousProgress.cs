using AutoMl.Ml.Training;

namespace AutoMl.Bench.Engine;

/// <summary>Progress&lt;T&gt; posts to the thread pool and can print after the run ends; this prints in order.</summary>
internal sealed class SynchronousProgress(Action<TrialEvent> report) : IProgress<TrialEvent>
{
    public void Report(TrialEvent value) => report(value);
}
