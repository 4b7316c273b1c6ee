using System.Diagnostics;

namespace AutoMl.Bench.Load;

/// <summary>Surge mode's restart: the API instances stopped and started again (LOAD_SURGE_RESTART, set by bench/load.sh), ready before the crowd arrives.</summary>
internal static class Surge
{
    /// <summary>
    /// The users' earlier use, before the restart: every predictor predicts once through nginx, as the same users did the
    /// day before, so the platform knows their models as hot (HotModels) the way it would in production. Not measured.
    /// </summary>
    public static async Task HistoryAsync(IReadOnlyList<LoadUser> accounts, SourceAddresses sources)
    {
        var predictors = accounts.Where(a => a.Model is not null).ToList();
        var failed = 0;
        await Parallel.ForEachAsync(predictors, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (a, ct) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/models/{a.Model}/predict", UriKind.Relative))
            {
                Content = new ByteArrayContent(VirtualUser.PredictBody),
            };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", a.ApiKey);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var response = await sources.Client(a.Index).SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref failed);
            }
        });
        Console.Error.WriteLine($"[load] surge: the {predictors.Count} predictors predicted once before the restart ({failed} not OK)");
    }

    public static async Task RestartAsync(LoadSettings settings)
    {
        if (settings.SurgeRestart.Length == 0)
        {
            throw new InvalidOperationException("LOAD_SURGE=1 needs LOAD_SURGE_RESTART, the command that restarts the API instances: run through bench/load.sh.");
        }
        Console.Error.WriteLine($"[load] surge: restarting the API instances ({settings.SurgeRestart})");
        var clock = Stopwatch.StartNew();
        using var restart = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", settings.SurgeRestart]) { WorkingDirectory = settings.Repo })
            ?? throw new InvalidOperationException("Could not start the restart command.");
        await restart.WaitForExitAsync();
        if (restart.ExitCode != 0)
        {
            throw new InvalidOperationException($"The restart command exited with {restart.ExitCode}.");
        }
        Console.Error.WriteLine($"[load] surge: instances ready after {clock.Elapsed.TotalSeconds:F0} s; the crowd arrives now; load average {Report.LoadAverage()}");
    }
}
