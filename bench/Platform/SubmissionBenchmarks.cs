namespace AutoMl.Bench.Platform;

/// <summary>
/// POST /api/v1/jobs with an API key (auth, rate-limit middleware, the job row and its hold in one
/// transaction, the Hangfire enqueue, two events) while no worker runs, next to a bare SELECT 1.
/// </summary>
internal static class SubmissionBenchmarks
{
    private const int Sequential = 200;
    private const int Parallel = 8;
    private const int ParallelTotal = 400;

    public static async Task RunAsync(BenchSettings settings, PlatformClient client, BenchState state)
    {
        var selectOne = await Baselines.SelectOneAsync(settings.Postgres, Sequential * 5, 1);
        var selectOneParallel = await Baselines.SelectOneAsync(settings.Postgres, ParallelTotal * 5, Parallel);

        Task Submit() => client.SubmitAsync(state.DatasetId, settings.Target, 10);
        for (var i = 0; i < 10; i++)
        {
            await Submit();
        }
        var one = await Samples.RunAsync(Sequential, 1, TimeSpan.FromSeconds(120), Submit);
        var many = await Samples.RunAsync(ParallelTotal, Parallel, TimeSpan.FromSeconds(120), Submit);

        state.Rows.Insert(0, new("job submission p50 / p99, 1 client", Report.Latency(one),
            $"SELECT 1 {Report.Latency(selectOne)}", "", ""));
        state.Rows.Insert(1, new($"job submission throughput, {Parallel} clients (p50 / p99 {Report.Ms(many.P50)} / {Report.Ms(many.P99)} ms)",
            Report.Rate(many), $"SELECT 1, {Parallel} connections: {Report.Rate(selectOneParallel)} (p50 / p99 {Report.Ms(selectOneParallel.P50)} / {Report.Ms(selectOneParallel.P99)} ms)", "", ""));
    }
}
