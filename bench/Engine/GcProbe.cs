using System.Diagnostics.Tracing;

namespace AutoMl.Bench.Engine;

/// <summary>
/// Counts the process's garbage collections by generation and by cause (the runtime's GCStart events), so a training
/// run says what it spent in collections: ML.NET's FastTree forced two full ones per fit until the engine turned that
/// off (issue 31).
/// </summary>
internal sealed class GcProbe : EventListener
{
    private const int Induced = 1;
    private readonly int[] byGeneration = new int[3];
    private int induced;

    public string Summary() => FormattableString.Invariant(
        $"GC: {byGeneration[0]} gen0, {byGeneration[1]} gen1, {byGeneration[2]} gen2 collections ({induced} forced by code), {GC.GetTotalPauseDuration().TotalSeconds:0.00} s paused");

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Informational, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName?.StartsWith("GCStart", StringComparison.Ordinal) != true || eventData.Payload is not { } payload
            || eventData.PayloadNames is not { } names)
        {
            return;
        }
        var depth = Convert.ToInt32(payload[names.IndexOf("Depth")], System.Globalization.CultureInfo.InvariantCulture);
        Interlocked.Increment(ref byGeneration[Math.Clamp(depth, 0, 2)]);
        if (Convert.ToInt32(payload[names.IndexOf("Reason")], System.Globalization.CultureInfo.InvariantCulture) == Induced)
        {
            Interlocked.Increment(ref induced);
        }
    }
}
