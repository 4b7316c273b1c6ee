using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace AutoMl.Bench.Load;

internal sealed record RouteCost(string Route, int Requests, int Failed, double CpuMsPerRequest, double TimesBaseline, double RedisPerRequest, double PostgresPerRequest);

/// <summary>
/// What one request of each route costs the platform, one route at a time with nothing else running: the API processes'
/// CPU milliseconds, Redis commands and Postgres transactions (≈ round trips: each statement outside an explicit
/// transaction is one), less what the same processes spend idle (workers poll, timers tick) over the same time. Chosen
/// over a sampling profile of the mix because it needs no symbols and compares routes in one unit; the trace of one
/// route (bench/Load/README.md) says where inside a request the time goes.
/// </summary>
internal sealed class CostProbe(LoadSettings settings, IReadOnlyList<LoadUser> accounts, SourceAddresses sources)
{
    // Idle Postgres backends report their counts at most 10 s late (PGSTAT_IDLE_INTERVAL): each window waits that out.
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(11);
    private readonly Recorder clock = new();

    public async Task<IReadOnlyList<RouteCost>> RunAsync()
    {
        var predictor = accounts.FirstOrDefault(a => a.Model is not null);
        var routes = new List<(string Route, Func<LoadUser, HttpRequestMessage> Make)>
        {
            (Baseline.Route, _ => new HttpRequestMessage(HttpMethod.Get, "/health/live")),
            ("GET /api/v1/datasets", u => Keyed(HttpMethod.Get, "/api/v1/datasets", u)),
            ("GET /api/v1/jobs", u => Keyed(HttpMethod.Get, "/api/v1/jobs", u)),
            ("GET /api/v1/models", u => Keyed(HttpMethod.Get, "/api/v1/models", u)),
            ("GET /api/v1/credits", u => Keyed(HttpMethod.Get, "/api/v1/credits", u)),
            ("GET /api/v1/credits/entries", u => Keyed(HttpMethod.Get, "/api/v1/credits/entries", u)),
        };
        if (predictor is not null)
        {
            routes.Add(("POST /api/v1/models/{id}/predict", u => Predict(u.Model is null ? predictor : u)));
        }
        if (settings.CostRoutes.Length > 0)
        {
            routes.RemoveAll(r => r.Route != Baseline.Route && !settings.CostRoutes.Contains(r.Route));
        }
        Console.Error.WriteLine($"[load] cost probe: {routes.Count} routes, {settings.CostRate} req/s for {settings.CostSeconds} s each, API pids {string.Join(',', Counters.ApiPids(settings))}");
        var idle = await WindowAsync(null);
        var idlePerMs = Rates(idle.Counters);
        var results = new List<RouteCost>();
        double baselineCpu = double.NaN;
        foreach (var (route, make) in routes)
        {
            var users = route.Contains("predict", StringComparison.Ordinal) ? accounts.Where(a => a.Model is not null).ToList() : accounts.Take(Math.Max(50, settings.Predictors)).ToList();
            var window = await WindowAsync((route, make, users));
            var d = window.Counters;
            var ms = d.At;
            var requests = Math.Max(1, window.Requests);
            var cpu = (d.ApiCpuMs - (idlePerMs.Cpu * ms)) / requests;
            var redis = (d.RedisCommands - (idlePerMs.Redis * ms) - 1) / requests;
            var postgres = (d.PostgresTransactions - (idlePerMs.Postgres * ms) - 1) / requests;
            if (route == Baseline.Route)
            {
                baselineCpu = cpu;
            }
            results.Add(new RouteCost(route, window.Requests, window.Failed, cpu, cpu / baselineCpu, redis, postgres));
        }
        Print(results, idle.Counters, settings);
        return results;
    }

    private async Task<(Counters Counters, int Requests, int Failed)> WindowAsync((string Route, Func<LoadUser, HttpRequestMessage> Make, List<LoadUser> Users)? load)
    {
        await Task.Delay(Settle);
        var before = await Counters.ReadAsync(settings, clock);
        var requests = 0;
        var failed = 0;
        if (load is { } l)
        {
            if (settings.TraceCommand.Length > 0 && l.Route == settings.TraceRoute)
            {
                // Traced while it runs, so this route's own CPU figure carries the tracer's cost: trace a route not compared.
                Console.Error.WriteLine($"[load] cost probe: tracing {l.Route}: {settings.TraceCommand}");
                Process.Start(new ProcessStartInfo("/bin/sh", ["-c", settings.TraceCommand]) { WorkingDirectory = settings.Repo })?.Dispose();
            }
            var interval = TimeSpan.FromSeconds(1.0 / settings.CostRate);
            var until = Stopwatch.StartNew();
            var sent = new List<Task<bool>>();
            var i = 0;
            while (until.Elapsed < TimeSpan.FromSeconds(settings.CostSeconds))
            {
                var user = l.Users[i % l.Users.Count];
                var http = sources.Client(user.Index);
                sent.Add(SendAsync(http, l.Make(user)));
                i++;
                var next = interval * i;
                if (next > until.Elapsed)
                {
                    await Task.Delay(next - until.Elapsed);
                }
            }
            var outcomes = await Task.WhenAll(sent);
            requests = outcomes.Length;
            failed = outcomes.Count(ok => !ok);
        }
        else
        {
            await Task.Delay(TimeSpan.FromSeconds(settings.CostSeconds));
        }
        // The requests' own Postgres counts arrive up to 10 s late: read after they have.
        await Task.Delay(Settle);
        var after = await Counters.ReadAsync(settings, clock);
        return (after - before, requests, failed);
    }

    private static async Task<bool> SendAsync(HttpClient http, HttpRequestMessage request)
    {
        using (request)
        {
            try
            {
                using var response = await http.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                return response.IsSuccessStatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                return false;
            }
        }
    }

    private static (double Cpu, double Redis, double Postgres) Rates(Counters idle) =>
        (idle.ApiCpuMs / idle.At, (idle.RedisCommands - 1) / (double)idle.At, (idle.PostgresTransactions - 1) / (double)idle.At);

    private static HttpRequestMessage Keyed(HttpMethod method, string path, LoadUser user)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.ApiKey);
        return request;
    }

    private static HttpRequestMessage Predict(LoadUser user)
    {
        var request = Keyed(HttpMethod.Post, $"/api/v1/models/{user.Model}/predict", user);
        request.Content = new ByteArrayContent(VirtualUser.PredictBody);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return request;
    }

    private static void Print(IReadOnlyList<RouteCost> costs, Counters idle, LoadSettings settings)
    {
        var o = Console.Out;
        o.WriteLine();
        o.WriteLine(Inv($"== cost of a request ({settings.CostRate} req/s per route for {settings.CostSeconds} s, one route at a time; {idle.ApiProcesses} API processes idle at {idle.ApiCpuMs / idle.At * 1000:F0} CPU ms/s; load average {Report.LoadAverage()})"));
        o.WriteLine(Inv($"   {"route",-36} {"requests",8} {"failed",6} {"CPU ms/req",10} {"x health",8} {"Redis/req",9} {"PG xact/req",11}"));
        foreach (var c in costs)
        {
            o.WriteLine(Inv($"   {c.Route,-36} {c.Requests,8} {c.Failed,6} {c.CpuMsPerRequest,10:F3} {c.TimesBaseline,8:F2} {c.RedisPerRequest,9:F2} {c.PostgresPerRequest,11:F2}"));
        }
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
