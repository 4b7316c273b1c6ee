namespace AutoMl.Bench.Platform;

/// <summary>What bench/platform.sh hands over in the environment.</summary>
internal sealed record BenchSettings(Uri Url, string StatePath, string ApiLog, string ApiDll, string Dataset, string Target, string Postgres, string Redis, string RedisPrefix)
{
    /// <summary>The live phase's training budget; a longer job gives the event-latency p99 more samples (BENCH_TRAINING_SECONDS).</summary>
    public int TrainingSeconds { get; init; } = int.TryParse(Environment.GetEnvironmentVariable("BENCH_TRAINING_SECONDS"), out var seconds) ? seconds : 20;

    public static BenchSettings FromEnvironment() => new(
        new Uri(Required("BENCH_URL")),
        Required("BENCH_STATE"),
        Required("BENCH_API_LOG"),
        Required("BENCH_API_DLL"),
        Required("BENCH_DATASET"),
        Environment.GetEnvironmentVariable("BENCH_TARGET") ?? "diabetes",
        Required("ConnectionStrings__Postgres"),
        Required("ConnectionStrings__Redis"),
        Environment.GetEnvironmentVariable("AutoMl__RedisPrefix") ?? "automl:");

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: run the benchmark with bench/platform.sh.");
}
