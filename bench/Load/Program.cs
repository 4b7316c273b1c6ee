using System.Globalization;
using System.Text.Json;
using AutoMl.Bench.Load;

// bench/load.sh runs this against infra/multi.sh's stack through nginx; see bench/Load/README.md.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
ThreadPool.SetMinThreads(256, 256);
var settings = LoadSettings.FromEnvironment(args);
if (settings.Postgres.Length == 0)
{
    Console.Error.WriteLine("LOAD_POSTGRES (or ConnectionStrings__Postgres) is not set: run through bench/load.sh.");
    return 2;
}
if (args.Contains("--alias-moves"))
{
    using var aliasSources = new SourceAddresses(settings.SourceAddresses, settings.BaseAddress);
    return await AliasMoves.RunAsync(settings, aliasSources);
}
// Hub holders may outnumber the active users (LOAD_HUBS above the last step): every holder needs an account.
var users = Math.Max(settings.Faults ? settings.FaultUsers : settings.Steps.Max(), settings.Hubs);
var run = DateTime.UtcNow.ToString("MMddHHmmss", CultureInfo.InvariantCulture);
using var sources = new SourceAddresses(settings.SourceAddresses, settings.BaseAddress);
var recorder = new Recorder();
var report = new Report(settings, recorder);
Console.Error.WriteLine($"[load] {(settings.Faults ? "fault run" : "step run")}: {users} accounts, {settings.Hubs} hub connections, think {settings.ThinkSeconds} s, " +
    $"{settings.JobsPerSecond} jobs/s, from {sources.Count} source addresses; load average {Report.LoadAverage()}");

var seeding = System.Diagnostics.Stopwatch.StartNew();
var accounts = await Seeding.CreateAsync(settings, users, run, sources);
Console.Error.WriteLine($"[load] {accounts.Count} accounts ready in {seeding.Elapsed.TotalSeconds:F0} s ({settings.ApiSignups} signed up through the API)");

if (settings.Surge)
{
    // Seeding went through the instances and warmed them: a surge meets instances that have served nothing yet, from
    // users who used the platform before (their models predicted once, so hot).
    await Surge.HistoryAsync(accounts, sources);
    await Surge.RestartAsync(settings);
}

var hubs = new List<Hub>();
var hubCount = Math.Min(settings.Hubs, settings.Faults ? settings.FaultUsers : accounts.Count);
// A surge's hub connections arrive with its users, all at once; otherwise 32 at a time before anything is measured.
var hubGate = new SemaphoreSlim(settings.Surge ? hubCount + 1 : 32);
var hubFailures = 0;
var connecting = Task.WhenAll(accounts.Take(hubCount).Select(async a =>
{
    await hubGate.WaitAsync();
    var started = System.Diagnostics.Stopwatch.GetTimestamp();
    try
    {
        var hub = await Hub.ConnectAsync(settings.BaseAddress, a.ApiKey, sources.Handler(a.Index), recorder, CancellationToken.None);
        recorder.Add("WS /hubs/events (connect)", System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, 101);
        lock (hubs)
        {
            hubs.Add(hub);
        }
    }
    catch (Exception e) when (e is HttpRequestException or System.Net.WebSockets.WebSocketException or IOException or TimeoutException or InvalidOperationException)
    {
        recorder.Add("WS /hubs/events (connect)", System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, 0, e);
        Interlocked.Increment(ref hubFailures);
    }
    finally
    {
        hubGate.Release();
    }
}));
if (!settings.Surge)
{
    await connecting;
    Console.Error.WriteLine($"[load] {hubs.Count} SignalR connections open ({hubFailures} failed to connect)");
}

// Warm-up, not measured: every instance, addressed directly (through nginx, least_conn left some instances cold),
// JIT-compiles the routes, loads every predictor's model and accepts one training job. What a cold model costs
// (the bundle read and its ML.NET models built, once per model and instance) is reported from these requests.
var warm = new Recorder();
var warmGate = new SemaphoreSlim(8);
// A surge has no warm-up: its instances meet the crowd cold.
var warmups = (settings.Surge ? [] : settings.Instances).SelectMany((instance, i) => accounts.Take(Math.Max(settings.Predictors, 30)).Select(a => (instance, a, submit: a.Index == i))).Select(async w =>
{
    await warmGate.WaitAsync();
    try
    {
        using var direct = new HttpClient(sources.Handler(w.a.Index), disposeHandler: false) { BaseAddress = w.instance, Timeout = TimeSpan.FromSeconds(30) };
        await new VirtualUser(w.a, direct, warm, new JobBook(), new JobPacer(0), settings).WarmAsync(w.submit);
    }
    finally
    {
        warmGate.Release();
    }
});
await Task.WhenAll(warmups);
var coldPredictions = warm.All.Where(s => s.Route == "POST /api/v1/models/{id}/predict (first on the instance)").Select(s => s.Ms).Order().ToList();
if (coldPredictions.Count > 0)
{
    Console.WriteLine($"== warm-up: first prediction of a model on an instance (loads the bundle): n={coldPredictions.Count}, p50 {coldPredictions[coldPredictions.Count / 2]:0} ms, max {coldPredictions[^1]:0} ms");
}
Console.Error.WriteLine($"[load] warm-up: {warm.All.Count} requests, {warm.All.Count(s => s.Outcome != Outcome.Ok)} not OK");
if (settings.Cost.Length > 0 && settings.Cost != "0")
{
    await new CostProbe(settings, accounts, sources).RunAsync();
}

var jobs = new JobBook();
report.Track(jobs);
using var stopBaseline = new CancellationTokenSource();
var baseline = Baseline.RunAsync(sources.Client(settings.SourceAddresses - 1), recorder, stopBaseline.Token);
var pacer = new JobPacer(settings.JobsPerSecond);
using var stopUsers = new CancellationTokenSource();
var running = new List<Task>();
void Grow(int target)
{
    for (var i = running.Count; i < target && i < accounts.Count; i++)
    {
        var user = new VirtualUser(accounts[i], sources.Client(i), recorder, jobs, pacer, settings);
        running.Add(Task.Run(() => user.RunAsync(stopUsers.Token)));
    }
}

Faults? faults = null;
if (settings.Faults)
{
    faults = new Faults(settings, recorder);
    Grow(settings.FaultUsers);
    var from = recorder.Now;
    var schedule = faults.RunAsync(stopUsers.Token);
    await Task.Delay(settings.FaultDuration);
    await schedule;
    report.Step(settings.FaultUsers, from + (long)settings.Warmup.TotalMilliseconds, recorder.Now, hubs.Count(h => h.Connected), faults);
}
else
{
    foreach (var step in settings.Cost == "only" ? Array.Empty<int>() : settings.Surge ? new[] { settings.Steps.Max() } : settings.Steps)
    {
        Grow(step);
        var from = recorder.Now;
        await Task.Delay(settings.StepDuration);
        // A surge is measured from its first second: the cold start is what it is about.
        var passed = report.Step(step, from + (settings.Surge ? 0 : (long)settings.Warmup.TotalMilliseconds), recorder.Now, hubs.Count(h => h.Connected), null);
        if (!passed.WithinErrorAndP99)
        {
            Console.Error.WriteLine($"[load] stopping: {step} users went over {settings.MaxErrorRate:P1} errors or p99 {settings.StopP99Ms} ms");
            break;
        }
    }
}
await stopUsers.CancelAsync();
await stopBaseline.CancelAsync();
await connecting;
if (settings.Surge)
{
    Console.Error.WriteLine($"[load] surge: {hubs.Count} SignalR connections opened with the users ({hubFailures} failed to connect)");
}
await Task.WhenAll(running);
await baseline;

// Every accepted job must end; the fault run waits for the jobs whose worker was killed (lease, retry, dispatcher).
// A submission cut off by the end of the run may have been accepted without the user seeing the 202: the jobs table decides.
var accepted = (await JobCheck.JobsOfAsync(settings.Postgres, accounts.Select(a => a.Id).ToArray())).Union(jobs.Accepted.Keys).ToList();
Console.Error.WriteLine($"[load] {jobs.Accepted.Count} submissions answered 202; {accepted.Count} jobs of the run's accounts in the database or answered");
var settleFrom = DateTime.UtcNow;
while (DateTime.UtcNow - settleFrom < settings.SettleLimit && await JobCheck.OpenAsync(settings.Postgres, accepted) is > 0 and var open)
{
    Console.Error.WriteLine($"[load] waiting for {open} accepted job(s) to end");
    await Task.Delay(5000);
}
var jobCheck = await JobCheck.RunAsync(settings.Postgres, accepted);
var ledger = await LedgerCheck.RunAsync(settings.Postgres);
foreach (var hub in hubs)
{
    await hub.DisposeAsync();
}
var ok = report.Final(jobCheck, ledger, faults);
if (settings.ResultPath is { } path)
{
    await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report.Result(jobCheck, ledger, faults), new JsonSerializerOptions { WriteIndented = true }));
}
return ok ? 0 : 1;
