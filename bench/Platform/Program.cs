using AutoMl.Bench.Platform;

// bench/platform.sh runs "live" with the worker up, stops the worker, then runs "submit", which prints the table.
var phase = args.FirstOrDefault();
if (phase is not ("live" or "submit"))
{
    await Console.Error.WriteLineAsync("usage: AutoMl.Bench.Platform live|submit   (run it through bench/platform.sh)");
    return 2;
}
var settings = BenchSettings.FromEnvironment();
using var client = new PlatformClient(settings.Url);
if (phase == "live")
{
    var state = await Account.CreateAsync(settings, client);
    state.Notes.Add($"load average before the live phase: {Report.LoadAverage()}");
    state.Save(settings.StatePath);
    await LiveBenchmarks.RunAsync(settings, client, state);
    state.Notes.Add($"load average after the live phase: {Report.LoadAverage()}");
    state.Save(settings.StatePath);
    Console.WriteLine("live phase done");
    return 0;
}
else
{
    var state = BenchState.Load(settings.StatePath);
    client.UseApiKey(state.ApiKey);
    state.Notes.Add($"load average before the submission phase (worker stopped): {Report.LoadAverage()}");
    await SubmissionBenchmarks.RunAsync(settings, client, state);
    state.Notes.Add($"load average at the end: {Report.LoadAverage()} on {Environment.ProcessorCount} cores");
    state.Save(settings.StatePath);
    Console.WriteLine(Report.Table(state.Rows));
    foreach (var note in state.Notes)
    {
        Console.WriteLine($"- {note}");
    }
    return 0;
}
