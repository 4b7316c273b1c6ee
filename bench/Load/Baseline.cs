using System.Diagnostics;

namespace AutoMl.Bench.Load;

/// <summary>
/// The floor under every route: GET /health/live (no auth, no database) through nginx five times a second, recorded
/// beside the routes and never judged. What it costs is what the machine, not the platform, adds to every request.
/// </summary>
internal static class Baseline
{
    public const string Route = "BASELINE GET /health/live";

    public static async Task RunAsync(HttpClient http, Recorder recorder, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(200, stop);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.GetAsync(new Uri("/health/live", UriKind.Relative), stop);
                    await response.Content.ReadAsByteArrayAsync(stop);
                    recorder.Add(Route, Stopwatch.GetElapsedTime(started).TotalMilliseconds, (int)response.StatusCode);
                }
                catch (Exception e) when (e is HttpRequestException or IOException || (e is TaskCanceledException && !stop.IsCancellationRequested))
                {
                    recorder.Add(Route, Stopwatch.GetElapsedTime(started).TotalMilliseconds, 0, e);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }
}
