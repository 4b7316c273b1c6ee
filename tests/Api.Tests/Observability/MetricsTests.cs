using System.Diagnostics.Metrics;
using System.Net;
using AutoMl.Api.Tests.Jobs;
using AutoMl.Api.Tests.Support;
using AutoMl.Infrastructure.Observability;
using AutoMl.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Api.Tests.Observability;

public sealed class MetricsTests(TrainingPlatformFactory platform) : IClassFixture<TrainingPlatformFactory>
{
    [Fact]
    public async Task a_training_job_reports_its_duration_trials_credits_out_request_latency_and_queue_depth()
    {
        var hostMeters = platform.Services.GetRequiredService<IMeterFactory>();
        // Our static meter is process-wide; the host's meters (ASP.NET Core, the queue gauge) are this platform's only.
        using var metrics = new MetricsRecorder(m => m.Name == AutoMlMetrics.MeterName || ReferenceEquals(m.Scope, hostMeters));
        var user = await platform.SignUpAsync();
        var dataset = await user.Http.ReadyDatasetAsync("ml/penguins.csv");

        var submitted = await (await user.Http.SubmitAsync(dataset, "species", 10)).JsonAsync(HttpStatusCode.Accepted);
        var job = await user.Http.JobUntilAsync(submitted.GetProperty("id").GetString()!, j => j.Ended());
        Assert.Equal("succeeded", job.Status());
        var charged = job.GetProperty("chargedCredits").GetInt64();
        var trials = job.GetProperty("trials").GetInt32();

        // Each is recorded on its own time, not with the status the job read as: the duration when the worker's attempt
        // returns, the capture after the settlement commits, a request's latency after its answer went out.
        var durations = await Eventually.ReadAsync(
            () => metrics.Of("automl.job.duration").Where(m => m.Tag("kind") == "train" && m.Tag("outcome") == "completed").ToList(),
            d => d.Count > 0, "the training attempt's automl.job.duration");
        Assert.All(durations, d => Assert.InRange(d.Value, 0.1, 120));
        Assert.True(metrics.Of("automl.trials.completed").Sum(m => m.Value) >= trials, $"fewer trial measurements than the job's {trials} trials");
        await Eventually.ReadAsync(() => metrics.Of("automl.credits.out").Where(m => m.Tag("kind") == "Capture").Sum(m => m.Value),
            captured => captured >= charged, $"the capture of {charged} credits in automl.credits.out");

        await Eventually.ReadAsync(() => metrics.Of("http.server.request.duration"),
            latency => latency.Any(m => m.Tag("http.route") == "/api/v1/jobs/{id:guid}" && m.Tag("http.response.status_code") == "200"),
            "the latency of a GET /api/v1/jobs/{id} answered 200");

        var depth = metrics.Observe("automl.queue.depth").Where(m => ReferenceEquals(m.Meter.Scope, hostMeters)).ToList();
        Assert.Equal(new[] { "high", "low", "normal" }, depth.Select(d => d.Tag("queue") ?? "").Order().ToArray());
        Assert.Equal(0, depth.Single(d => d.Tag("queue") == "normal").Value);
    }
}

public sealed class QueueDepthTests(QueuedOnlyPlatformFactory platform) : IClassFixture<QueuedOnlyPlatformFactory>
{
    [Fact]
    public async Task a_job_no_worker_serves_shows_in_the_depth_of_its_queue()
    {
        var hostMeters = platform.Services.GetRequiredService<IMeterFactory>();
        using var metrics = new MetricsRecorder(m => ReferenceEquals(m.Scope, hostMeters));
        var user = await platform.SignUpAsync();
        var dataset = await user.Http.ReadyDatasetAsync();
        double Normal() => metrics.Observe("automl.queue.depth").Single(d => ReferenceEquals(d.Meter.Scope, hostMeters) && d.Tag("queue") == "normal").Value;
        var before = Normal();

        await (await user.Http.SubmitAsync(dataset, "species", 60)).JsonAsync(HttpStatusCode.Accepted);
        await (await user.Http.SubmitAsync(dataset, "species", 60)).JsonAsync(HttpStatusCode.Accepted);

        Assert.True(Normal() >= before + 2, $"normal queue depth {Normal()} after two submissions, {before} before");
    }
}
