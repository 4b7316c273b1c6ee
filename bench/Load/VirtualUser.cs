using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace AutoMl.Bench.Load;

/// <summary>The training jobs the API accepted (202) during the run, and what the users last saw of each.</summary>
internal sealed class JobBook
{
    public ConcurrentDictionary<Guid, string> Accepted { get; } = new();

    public int Completed => Accepted.Values.Count(s => s is "succeeded");
}

/// <summary>Spaces job submissions out to a fixed rate for the whole run, however many users there are.</summary>
internal sealed class JobPacer(double perSecond)
{
    private readonly Lock gate = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private double next;

    public bool TryTake()
    {
        if (perSecond <= 0)
        {
            return false;
        }
        lock (gate)
        {
            var now = clock.Elapsed.TotalSeconds;
            if (now < next)
            {
                return false;
            }
            next = Math.Max(next, now - 1) + (1 / perSecond);
            return true;
        }
    }
}

/// <summary>
/// One person using the platform with an API key: pauses (exponential think time), then looks at a list, the
/// balance, predicts, polls its running job, or now and then submits a small training job.
/// </summary>
internal sealed class VirtualUser(LoadUser user, HttpClient http, Recorder recorder, JobBook jobs, JobPacer pacer, LoadSettings settings)
{
    internal static readonly byte[] PredictBody = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        rows = new[]
        {
            new Dictionary<string, object?> { ["island"] = "Biscoe", ["bill_length_mm"] = 47.5, ["bill_depth_mm"] = 15.0, ["flipper_length_mm"] = 218, ["body_mass_g"] = 4950, ["sex"] = "male" },
            new Dictionary<string, object?> { ["island"] = "Torgersen", ["bill_length_mm"] = 39.1, ["bill_depth_mm"] = 18.7, ["flipper_length_mm"] = 181, ["body_mass_g"] = 3750, ["sex"] = "female" },
        },
    }));

    private Guid? activeJob;

    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            // New users arrive spread over one think time, not all in the same millisecond.
            await Task.Delay(TimeSpan.FromSeconds(Random.Shared.NextDouble() * settings.ThinkSeconds), stop);
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(-Math.Log(1 - Random.Shared.NextDouble()) * settings.ThinkSeconds, settings.ThinkSeconds * 6)), stop);
                await ActAsync(stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Every read route, the user's model (its first prediction recorded apart: it loads the bundle) and, when
    /// <paramref name="submit"/>, one small training job, so the instance has compiled the submission path too.
    /// </summary>
    public async Task WarmAsync(bool submit)
    {
        await SendAsync(HttpMethod.Get, "/api/v1/datasets", "GET /api/v1/datasets", null, CancellationToken.None);
        await SendAsync(HttpMethod.Get, "/api/v1/jobs", "GET /api/v1/jobs", null, CancellationToken.None);
        await SendAsync(HttpMethod.Get, "/api/v1/models", "GET /api/v1/models", null, CancellationToken.None);
        await SendAsync(HttpMethod.Get, "/api/v1/credits", "GET /api/v1/credits", null, CancellationToken.None);
        await SendAsync(HttpMethod.Get, "/api/v1/credits/entries", "GET /api/v1/credits/entries", null, CancellationToken.None);
        if (user.Model is { } model)
        {
            await SendAsync(HttpMethod.Post, $"/api/v1/models/{model}/predict", "POST /api/v1/models/{id}/predict (first on the instance)", PredictBody, CancellationToken.None);
            await SendAsync(HttpMethod.Post, $"/api/v1/models/{model}/predict", "POST /api/v1/models/{id}/predict", PredictBody, CancellationToken.None);
        }

        if (submit)
        {
            var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { datasetId = user.Dataset, target = settings.Target, budgetSeconds = settings.BudgetSeconds }));
            await SendAsync(HttpMethod.Post, "/api/v1/jobs", "POST /api/v1/jobs", body, CancellationToken.None, accepted: true);
        }
    }

    private async Task ActAsync(CancellationToken stop)
    {
        if (activeJob is { } job && Random.Shared.NextDouble() < 0.6)
        {
            var status = await SendAsync(HttpMethod.Get, $"/api/v1/jobs/{job}", "GET /api/v1/jobs/{id}", null, stop);
            if (status is { } s)
            {
                jobs.Accepted[job] = s;
                if (s is "succeeded" or "failed" or "cancelled")
                {
                    activeJob = null;
                }
            }
            return;
        }
        if (activeJob is null && pacer.TryTake())
        {
            var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { datasetId = user.Dataset, target = settings.Target, budgetSeconds = settings.BudgetSeconds }));
            var id = await SendAsync(HttpMethod.Post, "/api/v1/jobs", "POST /api/v1/jobs", body, stop, accepted: true);
            if (id is not null && Guid.TryParse(id, out var created))
            {
                jobs.Accepted[created] = "queued";
                activeJob = created;
            }
            return;
        }
        var roll = Random.Shared.Next(100);
        _ = roll switch
        {
            < 25 => await SendAsync(HttpMethod.Get, "/api/v1/datasets", "GET /api/v1/datasets", null, stop),
            < 45 => await SendAsync(HttpMethod.Get, "/api/v1/jobs", "GET /api/v1/jobs", null, stop),
            < 55 => await SendAsync(HttpMethod.Get, "/api/v1/models", "GET /api/v1/models", null, stop),
            < 70 => await SendAsync(HttpMethod.Get, "/api/v1/credits", "GET /api/v1/credits", null, stop),
            < 80 => await SendAsync(HttpMethod.Get, "/api/v1/credits/entries", "GET /api/v1/credits/entries", null, stop),
            _ when user.Model is { } model => await SendAsync(HttpMethod.Post, $"/api/v1/models/{model}/predict", "POST /api/v1/models/{id}/predict", PredictBody, stop),
            _ => await SendAsync(HttpMethod.Get, "/api/v1/datasets", "GET /api/v1/datasets", null, stop),
        };
    }

    /// <summary>Sends one request and records it; returns the job's status or id when the answer carries one.</summary>
    private async Task<string?> SendAsync(HttpMethod method, string path, string route, byte[]? body, CancellationToken stop, bool accepted = false)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.ApiKey);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, stop);
            var text = await response.Content.ReadAsStringAsync(stop);
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var status = (int)response.StatusCode;
            // 402 (credits used up) is the platform's right answer to a user out of credits, not an error of the platform.
            recorder.Add(route, ms, status == 402 ? 200 : status);
            if (accepted && response.StatusCode == HttpStatusCode.Accepted)
            {
                return JsonDocument.Parse(text).RootElement.GetProperty("id").GetString();
            }
            if (route == "GET /api/v1/jobs/{id}" && response.StatusCode == HttpStatusCode.OK)
            {
                return JsonDocument.Parse(text).RootElement.GetProperty("status").GetString();
            }
            return null;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            recorder.Add(route, Stopwatch.GetElapsedTime(started).TotalMilliseconds, 0, e);
            return null;
        }
    }
}
