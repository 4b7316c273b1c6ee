using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace AutoMl.Api.Tests.Observability;

/// <summary>What an OpenTelemetry exporter would receive, read in-process with a MeterListener.</summary>
internal sealed class MetricsRecorder : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<Recorded> measurements = new();

    public MetricsRecorder(Func<Meter, bool> meters)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (meters(instrument.Meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
        listener.Start();
    }

    public IReadOnlyList<Recorded> Of(string name) => measurements.Where(m => m.Name == name).ToList();

    /// <summary>Asks every observable instrument (the queue-depth gauge) for its current value, as a collector does.</summary>
    public IReadOnlyList<Recorded> Observe(string name)
    {
        var before = measurements.Count;
        listener.RecordObservableInstruments();
        return measurements.Skip(before).Where(m => m.Name == name).ToList();
    }

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, string?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value?.ToString();
        }
        measurements.Enqueue(new Recorded(instrument.Name, instrument.Meter, value, copy));
    }

    public void Dispose() => listener.Dispose();

    internal sealed record Recorded(string Name, Meter Meter, double Value, IReadOnlyDictionary<string, string?> Tags)
    {
        public string? Tag(string key) => Tags.TryGetValue(key, out var v) ? v : null;
    }
}
