using System.Net;
using System.Text.Json;
using AutoMl.Api.Tests.Support;
using AutoMl.Domain.Credits;
using AutoMl.Domain.Datasets;
using AutoMl.Domain.Jobs;
using AutoMl.Infrastructure.Credits;
using AutoMl.Infrastructure.Datasets;
using AutoMl.Infrastructure.Jobs;
using AutoMl.Infrastructure.Payments;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Tests.Admin;

/// <summary>Issue 30's platform figures: a day planted in Postgres reads back exactly, day by day.</summary>
public sealed class AdminFiguresTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly DateTimeOffset Day = new(2026, 3, 10, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task figures_count_a_planted_day_and_leave_the_days_around_it_as_they_were()
    {
        var admin = await api.AdminAsync();
        var a = await UserIdAsync(await api.SignUpAsync());
        var b = await UserIdAsync(await api.SignUpAsync());
        await api.InDbAsync(async db =>
        {
            await db.Users.Where(u => u.Id == a || u.Id == b).ExecuteUpdateAsync(s => s.SetProperty(u => u.CreatedAt, Day.AddHours(10)));
            var ready = Dataset(a, DatasetStatus.Ready, Day.AddHours(9));
            db.Datasets.AddRange(ready, Dataset(b, DatasetStatus.Failed, Day.AddHours(11)));
            db.Jobs.AddRange(
                Job(a, ready.Id, JobStatus.Succeeded, Day.AddHours(8), started: Day.AddHours(8).AddSeconds(30), finished: Day.AddHours(9)),
                Job(a, ready.Id, JobStatus.Failed, Day.AddHours(12), started: Day.AddHours(12).AddSeconds(90), finished: Day.AddDays(1).AddHours(1)),
                Job(a, ready.Id, JobStatus.Cancelled, Day.AddHours(13), started: null, finished: Day.AddHours(14)),
                Job(a, ready.Id, JobStatus.Queued, Day.AddHours(23), started: null, finished: null));
            db.CreditEntries.AddRange(Entry(a, 500, CreditEntryKind.Purchase), Entry(a, -40, CreditEntryKind.Capture), Entry(a, -15, CreditEntryKind.Capture));
            db.StripePayments.Add(new StripePayment
            {
                Id = Guid.NewGuid(),
                UserId = a,
                Reference = "cs_planted",
                Product = "pack-500",
                Credits = 500,
                AmountCents = 1999,
                Currency = "eur",
                CreatedAt = Day.AddHours(15),
            });
            return await db.SaveChangesAsync();
        });

        var figures = await (await admin.Http.GetAsync("/api/v1/admin/figures?from=2026-03-09&to=2026-03-11")).JsonAsync();

        var days = figures.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(["2026-03-09", "2026-03-10", "2026-03-11"], days.Select(d => d.GetProperty("day").GetString()));
        var (before, day, after) = (days[0], days[1], days[2]);
        Assert.Equal(0, before.GetProperty("signUps").GetInt32());
        Assert.Equal(0, before.GetProperty("queue").GetProperty("depthAtEnd").GetInt32());
        Assert.Equal(2, day.GetProperty("signUps").GetInt32());
        Assert.Equal(2, day.GetProperty("activeUsers").GetInt32());
        Assert.Equal("""{"submitted":4,"succeeded":1,"failed":0,"cancelled":1}""", day.GetProperty("jobs").GetRawText());
        Assert.Equal(["purchase in 500 out 0", "capture in 0 out 55"],
            day.GetProperty("credits").EnumerateArray().Select(c => $"{c.GetProperty("kind").GetString()} in {c.GetProperty("in")} out {c.GetProperty("out")}"));
        var revenue = Assert.Single(day.GetProperty("revenue").EnumerateArray());
        Assert.Equal(("eur", 1, 1999), (revenue.GetProperty("currency").GetString(), revenue.GetProperty("payments").GetInt32(), revenue.GetProperty("amountCents").GetInt64()));
        var queue = day.GetProperty("queue");
        Assert.Equal(1, queue.GetProperty("depthAtEnd").GetInt32());
        Assert.Equal(2, queue.GetProperty("started").GetInt32());
        Assert.Equal(60, queue.GetProperty("averageWaitSeconds").GetDouble(), 3);
        Assert.Equal(87, queue.GetProperty("p95WaitSeconds").GetDouble(), 3);
        Assert.Equal("""{"jobs":0,"datasets":1}""", day.GetProperty("failures").GetRawText());
        Assert.Equal(1, after.GetProperty("jobs").GetProperty("failed").GetInt32());
        Assert.Equal(1, after.GetProperty("failures").GetProperty("jobs").GetInt32());
        Assert.Equal(1, after.GetProperty("queue").GetProperty("depthAtEnd").GetInt32());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("queue").GetProperty("averageWaitSeconds").ValueKind);
        Assert.Equal(0, after.GetProperty("signUps").GetInt32());
    }

    [Fact]
    public async Task a_range_is_30_days_by_default_and_a_bad_one_is_a_problem_that_says_why()
    {
        var admin = await api.AdminAsync();

        var standard = await (await admin.Http.GetAsync("/api/v1/admin/figures")).JsonAsync();
        var backwards = await (await admin.Http.GetAsync("/api/v1/admin/figures?from=2026-03-11&to=2026-03-09")).ProblemAsync(HttpStatusCode.BadRequest);
        var tooLong = await (await admin.Http.GetAsync("/api/v1/admin/figures?from=2025-01-01&to=2026-03-09")).ProblemAsync(HttpStatusCode.BadRequest);
        var garbled = await (await admin.Http.GetAsync("/api/v1/admin/figures?from=10/03/2026")).ProblemAsync(HttpStatusCode.BadRequest);

        var days = standard.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(30, days.Count);
        Assert.Equal(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), days[^1].GetProperty("day").GetString());
        Assert.Contains("swap them", backwards.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("at most 366", tooLong.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("yyyy-MM-dd", garbled.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static async Task<Guid> UserIdAsync(BrowserClient browser) =>
        Guid.Parse((await (await browser.Http.GetAsync("/api/v1/me")).JsonAsync()).GetProperty("id").GetString()!);

    private static Dataset Dataset(Guid user, DatasetStatus status, DateTimeOffset at) => new()
    {
        Id = Guid.NewGuid(),
        UserId = user,
        Name = "planted.csv",
        Status = status,
        Format = "csv",
        OriginalKey = $"planted/{Guid.NewGuid():N}",
        CreatedAt = at,
        LastUsedAt = at,
    };

    private static Job Job(Guid user, Guid dataset, JobStatus status, DateTimeOffset created, DateTimeOffset? started, DateTimeOffset? finished) => new()
    {
        Id = Guid.NewGuid(),
        UserId = user,
        Kind = JobKind.Train,
        Status = status,
        Queue = "normal",
        DatasetId = dataset,
        Target = "y",
        BudgetSeconds = 60,
        CreatedAt = created,
        EnqueuedAt = created,
        StartedAt = started,
        FinishedAt = finished,
    };

    private static CreditEntry Entry(Guid user, long amount, CreditEntryKind kind) => new()
    {
        Id = Guid.NewGuid(),
        UserId = user,
        Amount = amount,
        Kind = kind,
        Reference = "planted",
        IdempotencyKey = $"planted:{Guid.NewGuid():N}",
        CreatedAt = Day.AddHours(16),
    };
}
