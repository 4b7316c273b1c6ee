using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace AutoMl.Api.Tests.Payments;

/// <summary>Every log event of the host, rendered with its properties and exception, for tests that read the logs.</summary>
public sealed class CapturedLogs : ILogEventSink
{
    private readonly ConcurrentQueue<string> lines = new();

    public void Emit(LogEvent logEvent) =>
        lines.Enqueue($"{logEvent.Level} {logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture)} "
            + string.Join(' ', logEvent.Properties.Select(p => $"{p.Key}={p.Value}")) + " " + logEvent.Exception);

    public IReadOnlyList<string> Lines => lines.ToList();

    /// <summary>Whether one line holds every fragment (Serilog renders string values in quotes, so match the parts).</summary>
    public bool Any(params string[] fragments) => lines.Any(l => fragments.All(f => l.Contains(f, StringComparison.OrdinalIgnoreCase)));
}
