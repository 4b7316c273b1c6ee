using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Npgsql;

namespace AutoMl.Bench.Load;

/// <summary>
/// Issue 27's alias run (<c>bench/load.sh --alias-moves</c>): 200 predictions a second through one endpoint, across the
/// instances behind nginx, while its production alias moves ten times. Passes when no request fails and every answer
/// names a version that could have held the alias while the request was in flight (the holder before the request,
/// or either side of a move that overlapped it).
/// </summary>
internal static class AliasMoves
{
    private const int RatePerSecond = 200;
    private const int Moves = 10;
    private static readonly TimeSpan MoveEvery = TimeSpan.FromSeconds(3);

    private sealed record Move(double SentMs, double DoneMs, int From, int To);

    private sealed record Answer(double SentMs, double DoneMs, int Status, int? Version);

    public static async Task<int> RunAsync(LoadSettings settings, SourceAddresses sources)
    {
        var run = DateTime.UtcNow.ToString("MMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var owner = await Seeding.SignUpAsync(settings.BaseAddress, $"alias-{run}@example.com", sources.Handler(0));
        var http = Seeding.Keyed(sources, 0, owner.Key);
        await using (var db = new NpgsqlConnection(settings.Postgres))
        {
            await db.OpenAsync();
            // Enterprise's prediction bucket (500/s) and credits for the run (a new account's welcome bonus waits for a
            // confirmed email): the run measures alias moves, not limits or sign-up.
            await using var tx = await db.BeginTransactionAsync();
            await using (var command = new NpgsqlCommand("""
                UPDATE users SET tier = 'Enterprise' WHERE id = @u;
                UPDATE credit_accounts SET balance = balance + 100000, updated_at = now() WHERE user_id = @u;
                INSERT INTO credit_entries (id, user_id, amount, held_change, kind, reference, idempotency_key, balance_after, created_at)
                SELECT gen_random_uuid(), @u, 100000, 0, 'Grant', 'Alias-move run credits', 'alias-run:' || @u, balance, now() FROM credit_accounts WHERE user_id = @u;
                """, db, tx))
            {
                command.Parameters.AddWithValue("u", owner.Id);
                await command.ExecuteNonQueryAsync();
            }
            await tx.CommitAsync();
        }
        // An instance remembers a user's tier for 30 s (RateLimits:TierCacheSeconds): sign-up's own requests cached Free.
        var tierKnown = DateTime.UtcNow.AddSeconds(31);
        var dataset = await Seeding.UploadAsync(http, settings.Dataset);
        Console.Error.WriteLine("[aliases] training the model the two versions copy");
        var model = await Seeding.TrainAsync(http, dataset, settings.Target, settings.BudgetSeconds);
        var copy = Guid.CreateVersion7();
        await using (var db = new NpgsqlConnection(settings.Postgres))
        {
            await db.OpenAsync();
            await Seeding.CopyAsync(db, "models", model, [copy], [owner.Id]);
        }
        await Seeding.ReadAsync(await http.PostAsJsonAsync("/api/v1/registered-models", new { name = "load" }), HttpStatusCode.Created);
        await Seeding.ReadAsync(await http.PostAsJsonAsync("/api/v1/registered-models/load/versions", new { modelId = model }), HttpStatusCode.Created);
        await Seeding.ReadAsync(await http.PostAsJsonAsync("/api/v1/registered-models/load/versions", new { modelId = copy }), HttpStatusCode.Created);
        await Seeding.ReadAsync(await http.PutAsJsonAsync("/api/v1/registered-models/load/aliases/production", new { version = 1, reason = "start" }), HttpStatusCode.OK);
        await Seeding.ReadAsync(await http.PostAsJsonAsync("/api/v1/endpoints", new { name = "load", registeredModel = "load" }), HttpStatusCode.Created);
        var row = await File.ReadAllLinesAsync(settings.Dataset);
        var header = row[0].Split(',').Select(h => h.Trim('"')).ToArray();
        var cells = row[1].Split(',');
        var input = header.Select((h, i) => (h, cells[i].Trim('"'))).Where(p => p.h != settings.Target)
            .ToDictionary(p => p.h, p => (object?)(double.TryParse(p.Item2, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : p.Item2.Length == 0 ? null : p.Item2));
        var clients = Enumerable.Range(1, 20).Select(i => Seeding.Keyed(sources, i, owner.Key)).ToArray();
        // Every instance loads the model before the clock starts.
        for (var i = 0; i < 30; i++)
        {
            await clients[i % clients.Length].PostAsJsonAsync("/api/v1/endpoints/load/predict", new { rows = new[] { input } });
        }

        if (tierKnown > DateTime.UtcNow)
        {
            await Task.Delay(tierKnown - DateTime.UtcNow);
        }
        var clock = Stopwatch.StartNew();
        var answers = new ConcurrentBag<Answer>();
        var moves = new List<Move>();
        var duration = MoveEvery * (Moves + 1);
        var mover = Task.Run(async () =>
        {
            var holder = 1;
            for (var k = 0; k < Moves; k++)
            {
                await Task.Delay(MoveEvery);
                var to = holder == 1 ? 2 : 1;
                var sent = clock.Elapsed.TotalMilliseconds;
                await Seeding.ReadAsync(await http.PutAsJsonAsync("/api/v1/registered-models/load/aliases/production", new { version = to, reason = $"move {k + 1}" }), HttpStatusCode.OK);
                moves.Add(new Move(sent, clock.Elapsed.TotalMilliseconds, holder, to));
                holder = to;
            }
        });
        var inflight = new List<Task>();
        for (var n = 0; clock.Elapsed < duration; n++)
        {
            var due = TimeSpan.FromSeconds(n / (double)RatePerSecond);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }
            var client = clients[n % clients.Length];
            inflight.Add(Task.Run(async () =>
            {
                var sent = clock.Elapsed.TotalMilliseconds;
                try
                {
                    using var response = await client.PostAsJsonAsync("/api/v1/endpoints/load/predict", new { rows = new[] { input } });
                    int? version = response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("version").GetInt32() : null;
                    answers.Add(new Answer(sent, clock.Elapsed.TotalMilliseconds, (int)response.StatusCode, version));
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    answers.Add(new Answer(sent, clock.Elapsed.TotalMilliseconds, 0, null));
                }
            }));
        }
        await Task.WhenAll(inflight);
        await mover;

        var failed = answers.Count(a => a.Status != 200);
        var wrong = answers.Where(a => a.Version is { } v && !Possible(moves, a).Contains(v)).ToList();
        var latencies = answers.Select(a => a.DoneMs - a.SentMs).Order().ToList();
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"== alias moves: {answers.Count} predictions in {seconds:F1} s ({answers.Count / seconds:F0}/s, target {RatePerSecond}/s) while production moved {moves.Count} times");
        Console.WriteLine($"   failed requests: {failed} ({string.Join(", ", answers.Where(a => a.Status != 200).GroupBy(a => a.Status).Select(g => $"{g.Key}: {g.Count()}"))})");
        Console.WriteLine($"   answers naming a version that did not hold production while they were in flight: {wrong.Count}");
        Console.WriteLine($"   latency p50 {latencies[latencies.Count / 2]:F1} ms, p99 {latencies[(int)(latencies.Count * 0.99)]:F1} ms; moves took {string.Join(", ", moves.Select(m => $"{m.DoneMs - m.SentMs:F0}"))} ms");
        var pass = failed == 0 && wrong.Count == 0 && moves.Count == Moves;
        Console.WriteLine($"== verdict: {(pass ? "PASS" : "FAIL")}");
        return pass ? 0 : 1;
    }

    /// <summary>The versions that could have held production at some moment while <paramref name="a"/> was in flight.</summary>
    private static HashSet<int> Possible(List<Move> moves, Answer a)
    {
        var before = moves.LastOrDefault(m => m.DoneMs <= a.SentMs)?.To ?? 1;
        var possible = new HashSet<int> { before };
        foreach (var m in moves.Where(m => m.SentMs <= a.DoneMs && m.DoneMs >= a.SentMs))
        {
            possible.Add(m.From);
            possible.Add(m.To);
        }
        return possible;
    }
}
