using System.Globalization;
using AutoMl.Api.Errors;
using AutoMl.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AutoMl.Api.Admin;

internal static class FigureEndpoints
{
    public const int MaxDays = 366;
    private const int DefaultDays = 30;

    public static void MapFigureEndpoints(this RouteGroupBuilder admin) =>
        admin.MapGet("/figures", GetAsync).WithDescription(
            "The platform per UTC day from `from` to `to` (yyyy-MM-dd, both included; by default the last 30 days, at most 366): sign-ups, active users, " +
            "jobs by outcome, credits in and out by ledger entry kind, Stripe revenue, queue depth and wait, failures.");

    private static async Task<Results<Ok<PlatformFiguresView>, ValidationProblem>> GetAsync(
        [FromKeyedServices(ReadDb.Key)] AutoMlDbContext db, TimeProvider clock, CancellationToken ct, string? from = null, string? to = null)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (!TryDate(to, today, out var last))
        {
            return ProblemResults.Validation("to", "to is a date written yyyy-MM-dd, like 2026-12-31.");
        }
        if (!TryDate(from, last.AddDays(1 - DefaultDays), out var first))
        {
            return ProblemResults.Validation("from", "from is a date written yyyy-MM-dd, like 2026-12-01.");
        }
        if (first > last)
        {
            return ProblemResults.Validation("from", $"from ({first:yyyy-MM-dd}) is after to ({last:yyyy-MM-dd}): swap them.");
        }
        if (last.DayNumber - first.DayNumber + 1 > MaxDays)
        {
            return ProblemResults.Validation("from", $"The range covers {last.DayNumber - first.DayNumber + 1} days; ask for at most {MaxDays} at a time.");
        }
        return TypedResults.Ok(await PlatformFigures.ReadAsync(db, first, last, ct));
    }

    private static bool TryDate(string? text, DateOnly fallback, out DateOnly date)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            date = fallback;
            return true;
        }
        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}
