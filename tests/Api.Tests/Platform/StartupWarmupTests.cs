using AutoMl.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoMl.Api.Tests.Platform;

/// <summary>An instance that warms four connections before it listens.</summary>
public sealed class WarmStartFactory : ApiFactory
{
    protected override void ConfigurePlatform(IWebHostBuilder builder) => builder.UseSetting("AutoMl:Startup:WarmConnections", "4");

    public string DatabaseName => Database;
}

/// <summary>Issue 31, cold surges: a started instance already holds its warmed Postgres connections.</summary>
public sealed class StartupWarmupTests(WarmStartFactory platform) : IClassFixture<WarmStartFactory>
{
    [Fact]
    public async Task a_started_instance_holds_the_connections_it_warmed_before_its_first_request()
    {
        var open = await platform.InDbAsync(db => db.Database
            .SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = {platform.DatabaseName}").SingleAsync());

        // The four warmed, plus this query's own if the pool had none idle: never fewer than four.
        Assert.InRange(open, 4, 40);
        var health = await platform.CreateClient().GetAsync("/health/ready");
        Assert.True(health.IsSuccessStatusCode);
        // Every part ran to its end: the reads, the writes' change tracking, the key read, a prediction and a submission for nobody.
        var warmup = platform.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<AutoMl.Api.Hosting.StartupWarmup>().Single();
        Assert.True(warmup.Completed, "the start-up warm-up stopped before its end (its warning is in the log)");
    }

    [Fact]
    public async Task the_rehearsals_before_listening_answer_as_for_a_stranger_and_leave_nothing_behind()
    {
        var rehearsal = platform.Services.GetRequiredService<AutoMl.Api.Hosting.PipelineRehearsal>();

        // Each request went the whole way through the pipeline as an account that does not exist: lists are empty, nothing is found, a bad body is refused.
        Assert.Equal(
            [200, 200, 200, 200, 404, 404, 400],
            rehearsal.Answers.Select(a => a.Status).ToArray());
        // The submission rehearsed inside a rolled-back transaction left no account, data set, job, credit or event.
        var left = await platform.InDbAsync(db => db.Database.SqlQuery<int>($"""
            SELECT ((SELECT count(*) FROM users WHERE email LIKE 'rehearsal-%@startup.invalid')
                  + (SELECT count(*) FROM datasets WHERE name = 'rehearsal.csv')
                  + (SELECT count(*) FROM credit_entries WHERE reference = 'Start-up rehearsal'))::int AS "Value"
            """).SingleAsync());
        Assert.Equal(0, left);
    }
}
