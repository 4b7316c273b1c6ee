using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace AutoMl.Bench.Load;

/// <summary>
/// The accounts of a run. A template account and <see cref="LoadSettings.ApiSignups"/> more sign up through the API
/// (cookie, anti-forgery token, API key); the template uploads the CSV and trains one model. The remaining accounts
/// are copied from the template's rows in SQL with keys made here (stored as SHA-256, as the API stores them), each
/// with the sign-up bonus and its ledger entry, a copy of the data set (sharing its blobs, as a same-file re-upload
/// does), and for the predictors a copy of the model.
/// </summary>
internal static class Seeding
{
    public static async Task<IReadOnlyList<LoadUser>> CreateAsync(LoadSettings settings, int users, string run, SourceAddresses sources)
    {
        // The platform allows a few sign-ups an hour from one address: each run signs up from addresses of its own.
        var first = Random.Shared.Next(sources.Count);
        var template = await SignUpAsync(settings.BaseAddress, $"load-{run}-template@example.com", sources.Handler(first));
        await GrantBonusAsync(settings.Postgres, template.Id);
        var http = Keyed(sources, 0, template.Key);
        var dataset = await UploadAsync(http, settings.Dataset);
        Console.Error.WriteLine($"[load] template account {template.Id}, data set {dataset} ready; training the template model");
        var model = await TrainAsync(http, dataset, settings.Target, settings.BudgetSeconds);

        var signups = new List<(Guid Id, string Key)>();
        var gate = new SemaphoreSlim(4);
        await Task.WhenAll(Enumerable.Range(1, Math.Min(settings.ApiSignups, users)).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var account = await SignUpAsync(settings.BaseAddress, $"load-{run}-api-{i}@example.com", sources.Handler(first + i));
                lock (signups)
                {
                    signups.Add(account);
                }
            }
            finally
            {
                gate.Release();
            }
        }));

        foreach (var (id, _) in signups)
        {
            await GrantBonusAsync(settings.Postgres, id);
        }

        var seeded = Enumerable.Range(0, users - signups.Count)
            .Select(_ => (Id: Guid.CreateVersion7(), Key: "aml_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_')))
            .ToList();
        await using var db = new NpgsqlConnection(settings.Postgres);
        await db.OpenAsync();
        await SeedAccountsAsync(db, template.Id, run, seeded);
        var all = signups.Concat(seeded).ToList();
        var datasets = all.Select(_ => Guid.CreateVersion7()).ToArray();
        await CopyAsync(db, "datasets", dataset, datasets, all.Select(a => a.Id).ToArray());
        var predictors = Math.Min(settings.Predictors, all.Count);
        var models = Enumerable.Range(0, predictors).Select(_ => Guid.CreateVersion7()).ToArray();
        await CopyAsync(db, "models", model, models, all.Take(predictors).Select(a => a.Id).ToArray());
        return all.Select((a, i) => new LoadUser(i, a.Id, a.Key, datasets[i], i < predictors ? models[i] : null)).ToList();
    }

    public static HttpClient Keyed(SourceAddresses sources, int user, string key)
    {
        var http = new HttpClient(sources.Handler(user), disposeHandler: false) { BaseAddress = sources.Client(user).BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return http;
    }

    public static async Task<(Guid Id, string Key)> SignUpAsync(Uri baseAddress, string email, SocketsHttpHandler source)
    {
        var cookies = new CookieContainer();
        using var handler = new SocketsHttpHandler { CookieContainer = cookies, ConnectCallback = source.ConnectCallback };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var password = $"load passphrase {Guid.NewGuid():N}";
        var response = await http.PostAsJsonAsync("/api/v1/auth/signup", new { email, password, acceptTerms = true, confirmAge = true });
        // Runs back to back sign up from one address: the sign-up limit says when to come back.
        for (var tries = 0; response.StatusCode == HttpStatusCode.TooManyRequests && tries < 10; tries++)
        {
            var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(5);
            Console.Error.WriteLine($"[load] sign-up limit for {email}: waiting {wait.TotalSeconds:0} s as Retry-After says");
            await Task.Delay(wait);
            response.Dispose();
            response = await http.PostAsJsonAsync("/api/v1/auth/signup", new { email, password, acceptTerms = true, confirmAge = true });
        }
        var created = await ReadAsync(response, HttpStatusCode.Created);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/api-keys") { Content = JsonContent.Create(new { name = "load" }) };
        request.Headers.Add("X-XSRF-TOKEN", cookies.GetCookies(baseAddress)["XSRF-TOKEN"]?.Value ?? throw new InvalidOperationException("no XSRF-TOKEN cookie after sign-up"));
        var key = await ReadAsync(await http.SendAsync(request), HttpStatusCode.Created);
        return (created.GetProperty("id").GetGuid(), key.GetProperty("key").GetString()!);
    }

    /// <summary>
    /// The welcome bonus an account gets when its address is confirmed (the link mailed at sign-up), written as the
    /// ledger writes it: confirming through the mail would measure the mail, not the platform.
    /// </summary>
    private static async Task GrantBonusAsync(string postgres, Guid user)
    {
        await using var db = new NpgsqlConnection(postgres);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand("""
            INSERT INTO credit_accounts (user_id, balance, held, owed, updated_at) VALUES (@id, 100, 0, 0, now())
                ON CONFLICT (user_id) DO UPDATE SET balance = credit_accounts.balance + 100, updated_at = now();
            INSERT INTO credit_entries (id, user_id, amount, held_change, kind, reference, idempotency_key, balance_after, created_at)
                SELECT gen_random_uuid(), @id, 100, 0, 'SignupBonus', 'Welcome bonus', 'signup-bonus:' || @id, balance, now() FROM credit_accounts WHERE user_id = @id;
            """, db);
        command.Parameters.AddWithValue("id", user);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<Guid> UploadAsync(HttpClient http, string path)
    {
        using var form = new MultipartFormDataContent();
        var file = new StreamContent(File.OpenRead(path));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", Path.GetFileName(path));
        var id = (await ReadAsync(await http.PostAsync(new Uri("/api/v1/datasets", UriKind.Relative), form), HttpStatusCode.Accepted)).GetProperty("id").GetGuid();
        for (var deadline = DateTime.UtcNow.AddMinutes(3); DateTime.UtcNow < deadline; await Task.Delay(500))
        {
            var status = (await ReadAsync(await http.GetAsync(new Uri($"/api/v1/datasets/{id}", UriKind.Relative)), HttpStatusCode.OK)).GetProperty("status").GetString();
            if (status == "ready")
            {
                return id;
            }
            if (status == "failed")
            {
                throw new InvalidOperationException("The load data set failed to ingest.");
            }
        }
        throw new TimeoutException("The load data set was not ready within 3 minutes.");
    }

    public static async Task<Guid> TrainAsync(HttpClient http, Guid dataset, string target, int budget)
    {
        var job = (await ReadAsync(await http.PostAsJsonAsync("/api/v1/jobs", new { datasetId = dataset, target, budgetSeconds = budget }), HttpStatusCode.Accepted)).GetProperty("id").GetGuid();
        for (var deadline = DateTime.UtcNow.AddMinutes(5); DateTime.UtcNow < deadline; await Task.Delay(1000))
        {
            var body = await ReadAsync(await http.GetAsync(new Uri($"/api/v1/jobs/{job}", UriKind.Relative)), HttpStatusCode.OK);
            switch (body.GetProperty("status").GetString())
            {
                case "succeeded":
                    return body.GetProperty("modelId").GetGuid();
                case "failed" or "cancelled":
                    throw new InvalidOperationException($"The template training job ended {body.GetProperty("status")}: {body}");
            }
        }
        throw new TimeoutException("The template training job did not end within 5 minutes.");
    }

    private static async Task SeedAccountsAsync(NpgsqlConnection db, Guid template, string run, List<(Guid Id, string Key)> accounts)
    {
        var ids = accounts.Select(a => a.Id).ToArray();
        var emails = accounts.Select((_, i) => $"load-{run}-{i}@example.com").ToArray();
        await using var tx = await db.BeginTransactionAsync();
        var overrides = new Dictionary<string, string>
        {
            ["id"] = "n.id",
            ["user_name"] = "n.email",
            ["normalized_user_name"] = "upper(n.email)",
            ["email"] = "n.email",
            ["normalized_email"] = "upper(n.email)",
            ["security_stamp"] = "md5(n.email || random()::text)",
            ["concurrency_stamp"] = "gen_random_uuid()::text",
            ["created_at"] = "now()",
        };
        await ExecAsync(db, tx, $"""
            INSERT INTO users ({await ColumnsAsync(db, tx, "users", null)})
            SELECT {await ColumnsAsync(db, tx, "users", overrides)} FROM users t CROSS JOIN unnest(@ids::uuid[], @emails::text[]) AS n(id, email) WHERE t.id = @template
            """, ("ids", ids), ("emails", emails), ("template", template));
        await ExecAsync(db, tx, """
            INSERT INTO credit_accounts (user_id, balance, held, owed, updated_at) SELECT id, 100, 0, 0, now() FROM unnest(@ids::uuid[]) AS n(id);
            INSERT INTO credit_entries (id, user_id, amount, held_change, kind, reference, idempotency_key, balance_after, created_at)
            SELECT gen_random_uuid(), id, 100, 0, 'SignupBonus', 'Welcome bonus', 'signup-bonus:' || id, 100, now() FROM unnest(@ids::uuid[]) AS n(id);
            """, ("ids", ids));
        await ExecAsync(db, tx, """
            INSERT INTO api_keys (id, user_id, name, prefix, key_hash, scope, created_at)
            SELECT gen_random_uuid(), n.id, 'load', left(n.key, 12), n.hash, 'full', now() FROM unnest(@ids::uuid[], @keys::text[], @hashes::text[]) AS n(id, key, hash)
            """, ("ids", ids), ("keys", accounts.Select(a => a.Key).ToArray()),
            ("hashes", accounts.Select(a => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(a.Key)))).ToArray()));
        await tx.CommitAsync();
    }

    /// <summary>Copies one row of <paramref name="table"/> once per new id, owned by the matching user.</summary>
    public static async Task CopyAsync(NpgsqlConnection db, string table, Guid source, Guid[] ids, Guid[] users)
    {
        // A copied data set starts its own lineage (lineage_id is the first version's id); models have no such column.
        var overrides = new Dictionary<string, string> { ["id"] = "n.id", ["user_id"] = "n.user_id", ["created_at"] = "now()", ["lineage_id"] = "n.id" };
        await using var tx = await db.BeginTransactionAsync();
        await ExecAsync(db, tx, $"""
            INSERT INTO {table} ({await ColumnsAsync(db, tx, table, null)})
            SELECT {await ColumnsAsync(db, tx, table, overrides)} FROM {table} t CROSS JOIN unnest(@ids::uuid[], @users::uuid[]) AS n(id, user_id) WHERE t.id = @source
            """, ("ids", ids), ("users", users), ("source", source));
        await tx.CommitAsync();
    }

    private static async Task<string> ColumnsAsync(NpgsqlConnection db, NpgsqlTransaction tx, string table, Dictionary<string, string>? overrides)
    {
        await using var cmd = new NpgsqlCommand(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = @t AND is_generated = 'NEVER' ORDER BY ordinal_position", db, tx);
        cmd.Parameters.AddWithValue("t", table);
        var columns = new List<string>();
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
            }
        }
        return string.Join(", ", columns.Select(c => overrides is null ? $"\"{c}\"" : overrides.TryGetValue(c, out var e) ? e : $"t.\"{c}\""));
    }

    private static async Task ExecAsync(NpgsqlConnection db, NpgsqlTransaction tx, string sql, params (string Name, object Value)[] parameters)
    {
        await using var cmd = new NpgsqlCommand(sql, db, tx) { CommandTimeout = 300 };
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }
        await cmd.ExecuteNonQueryAsync();
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != expected)
            {
                throw new HttpRequestException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath} answered {(int)response.StatusCode}: {text}");
            }
            return JsonDocument.Parse(text).RootElement.Clone();
        }
    }
}
