using System.Text.Json;
using AutoMl.Infrastructure.Blobs;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Workers.Exports;

/// <summary>
/// What an export holds: every row the account owns, table by table, and every file it stored. Each query is scoped by
/// the account (directly, or through the job, registered model or endpoint it belongs to), so another account's rows
/// cannot come along. Left out on purpose, and said so in the README: secrets (password hash, security stamp, API key
/// hashes, the bodies of mails, whose links carry live tokens), the audit trail's hash chain (its hashes cover other
/// accounts' rows), and what the platform derives and can rebuild (processed Parquet copies, counters, reservations).
/// </summary>
internal sealed class ExportContents(AutoMlDbContext db, IBlobStore blobs)
{
    public async Task WriteAsync(ExportArchive zip, Guid user, DateTimeOffset exportedAt, CancellationToken ct)
    {
        await ProfileAsync(zip, user, exportedAt, ct);
        await zip.AddLinesAsync("account/api-keys.jsonl", "Your API keys: name, prefix, scope, created, last used, revoked (never the key itself)",
            db.ApiKeys.AsNoTracking().Where(k => k.UserId == user).OrderBy(k => k.CreatedAt)
                .Select(k => new { k.Id, k.Name, k.Prefix, Scope = k.Scope.ToString().ToLowerInvariant(), k.CreatedAt, k.LastUsedAt, k.RevokedAt }).AsAsyncEnumerable(), ct);
        await zip.AddLinesAsync("account/audit-events.jsonl", "The audit trail's rows about your account: sign-ins, password and email changes, keys, credits granted, approvals",
            db.AuditEvents.AsNoTracking().Where(e => e.UserId == user).OrderBy(e => e.Id)
                .Select(e => new { e.Id, e.At, e.Actor, e.Action, e.TargetType, e.TargetId, e.Address, e.Client, e.Outcome, e.Detail }).AsAsyncEnumerable(), ct);
        await zip.AddLinesAsync("account/emails.jsonl", "The emails we sent you: address, kind, subject, when (not their bodies, whose links may still work)",
            db.OutboxEmails.AsNoTracking().Where(e => e.UserId == user).OrderBy(e => e.CreatedAt)
                .Select(e => new { e.Id, e.To, e.Template, e.Subject, e.CreatedAt, e.SentAt }).AsAsyncEnumerable(), ct);

        await zip.AddLinesAsync("credits/ledger.jsonl", "Every credit ledger entry, oldest first, with the balance after it",
            db.CreditEntries.AsNoTracking().Where(e => e.UserId == user).OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).AsAsyncEnumerable(), ct);
        await zip.AddLinesAsync("credits/payments.jsonl", "Stripe purchases",
            db.StripePayments.AsNoTracking().Where(p => p.UserId == user).OrderBy(p => p.CreatedAt).AsAsyncEnumerable(), ct);
        await zip.AddLinesAsync("credits/ad-claims.jsonl", "Rewarded-ad claims and their review",
            db.AdClaims.AsNoTracking().Where(c => c.UserId == user).OrderBy(c => c.CreatedAt).AsAsyncEnumerable(), ct);

        await DatasetsAsync(zip, user, ct);
        await ModelsAsync(zip, user, ct);
        await JobsAsync(zip, user, ct);
        await RegistryAsync(zip, user, ct);
        await WorkflowsAsync(zip, user, ct);
    }

    private async Task ProfileAsync(ExportArchive zip, Guid user, DateTimeOffset exportedAt, CancellationToken ct)
    {
        var account = await db.Users.AsNoTracking().Where(u => u.Id == user).SingleAsync(ct);
        var roles = await db.UserRoles.AsNoTracking().Where(r => r.UserId == user)
            .Join(db.Roles, r => r.RoleId, r => r.Id, (_, role) => role.Name).ToListAsync(ct);
        var credits = await db.CreditAccounts.AsNoTracking().Where(c => c.UserId == user).Select(c => new { c.Balance, c.Held, c.Owed, c.UpdatedAt }).SingleOrDefaultAsync(ct);
        var stripe = await db.Set<Infrastructure.Payments.StripeCustomer>().AsNoTracking().Where(c => c.UserId == user)
            .Select(c => new { c.CustomerId, c.SubscriptionId, c.SubscriptionStatus, c.UpdatedAt }).SingleOrDefaultAsync(ct);
        await zip.AddJsonAsync("account/profile.json", "Your account: address, tier, settings, consent, roles, credit balance, Stripe customer", new
        {
            account.Id,
            account.Email,
            EmailConfirmed = account.EmailConfirmed,
            Tier = account.Tier.ToString().ToLowerInvariant(),
            account.CreatedAt,
            account.NotifyJobFinished,
            account.NotifyLowBalance,
            Consent = new { account.TermsVersion, account.TermsAcceptedAt, account.AgeConfirmedAt },
            Roles = roles,
            Credits = credits,
            StripeCustomer = stripe,
            ExportedAt = exportedAt,
        }, ct);
    }

    private async Task DatasetsAsync(ExportArchive zip, Guid user, CancellationToken ct)
    {
        await zip.AddLinesAsync("datasets/datasets.jsonl", "Your data sets (every version), with their status and profile",
            db.Datasets.AsNoTracking().Where(d => d.UserId == user).OrderBy(d => d.CreatedAt).AsAsyncEnumerable(), ct);
        var datasets = await db.Datasets.AsNoTracking().Where(d => d.UserId == user).OrderBy(d => d.CreatedAt)
            .Select(d => new { d.Id, d.Name, d.Version, d.OriginalKey, d.Rows, d.ColumnsJson, d.PreviewJson, d.TargetSuggestion, d.TaskSuggestion }).ToListAsync(ct);
        foreach (var d in datasets)
        {
            var extension = Path.GetExtension(d.OriginalKey);
            await zip.AddBlobAsync($"datasets/{d.Id}/original{extension}", $"The file you uploaded as '{d.Name}' (version {d.Version})", blobs, d.OriginalKey, ct);
            if (d.ColumnsJson is not null)
            {
                await zip.AddJsonAsync($"datasets/{d.Id}/profile.json", $"The profile of '{d.Name}': rows, columns with their types and statistics, preview", new
                {
                    d.Id,
                    d.Name,
                    d.Version,
                    d.Rows,
                    Columns = Parse(d.ColumnsJson),
                    Preview = Parse(d.PreviewJson),
                    d.TargetSuggestion,
                    d.TaskSuggestion,
                }, ct);
            }
        }
    }

    private async Task ModelsAsync(ExportArchive zip, Guid user, CancellationToken ct)
    {
        await zip.AddLinesAsync("models/models.jsonl", "Your trained models: task, target, metric, score, metrics, leaderboard, importance",
            db.Models.AsNoTracking().Where(m => m.UserId == user).OrderBy(m => m.CreatedAt).AsAsyncEnumerable(), ct);
        var models = await db.Models.AsNoTracking().Where(m => m.UserId == user).OrderBy(m => m.CreatedAt).ToListAsync(ct);
        foreach (var m in models)
        {
            await zip.AddBlobAsync($"models/{m.Id}/bundle.automl", "The model bundle (load it with the AutoMl SDK; the same file as the model's download)", blobs, m.BundleKey, ct);
            await zip.AddJsonAsync($"models/{m.Id}/metadata.json", "The model's metadata", new
            {
                m.Id,
                m.JobId,
                m.DatasetId,
                m.Task,
                m.Target,
                m.Metric,
                m.Score,
                Metrics = Parse(m.MetricsJson),
                Classes = Parse(m.ClassesJson),
                Importance = Parse(m.ImportanceJson),
                Curves = Parse(m.CurvesJson),
                Leaderboard = Parse(m.LeaderboardJson),
                InputColumns = Parse(m.InputColumnsJson),
                m.DecisionThreshold,
                ThresholdChoice = Parse(m.ThresholdChoiceJson),
                m.BundleBytes,
                m.CreatedAt,
            }, ct);
            await zip.AddBlobAsync($"models/{m.Id}/holdout.parquet", "The rows a workflow run held out from this model's training",
                blobs, BlobKeys.ModelHoldout(user, m.Id), ct);
        }
    }

    private async Task JobsAsync(ExportArchive zip, Guid user, CancellationToken ct)
    {
        await zip.AddLinesAsync("jobs/jobs.jsonl", "Your training and batch prediction jobs",
            db.Jobs.AsNoTracking().Where(j => j.UserId == user).OrderBy(j => j.CreatedAt).AsAsyncEnumerable(), ct);
        await zip.AddLinesAsync("jobs/trials.jsonl", "Every trial of your training jobs",
            db.Trials.AsNoTracking().Where(t => db.Jobs.Any(j => j.Id == t.JobId && j.UserId == user)).OrderBy(t => t.JobId).ThenBy(t => t.N).AsAsyncEnumerable(), ct);
        await zip.AddLinesAsync("jobs/events.jsonl", "Your jobs' events (progress, trials, outcomes), in the order they were sent",
            db.JobEvents.AsNoTracking().Where(e => e.UserId == user).OrderBy(e => e.Seq).AsAsyncEnumerable(), ct);
        var results = await db.Jobs.AsNoTracking().Where(j => j.UserId == user && j.ResultKey != null).Select(j => new { j.Id, j.ResultKey }).ToListAsync(ct);
        foreach (var job in results)
        {
            await zip.AddBlobAsync($"jobs/predictions/{job.Id}.csv", "A batch prediction's output", blobs, job.ResultKey!, ct);
        }
    }

    private async Task RegistryAsync(ExportArchive zip, Guid user, CancellationToken ct)
    {
        var mine = db.RegisteredModels.Where(r => r.UserId == user).Select(r => r.Id);
        await zip.AddLinesAsync("registry/registered-models.jsonl", "Your registered models",
            db.RegisteredModels.AsNoTracking().Where(r => r.UserId == user).OrderBy(r => r.CreatedAt).AsAsyncEnumerable(), ct);
        await zip.AddLinesAsync("registry/versions.jsonl", "Their versions",
            db.ModelVersions.AsNoTracking().Where(v => mine.Contains(v.RegisteredModelId)).OrderBy(v => v.RegisteredModelId).ThenBy(v => v.Version).AsAsyncEnumerable(), ct);
        await zip.AddLinesAsync("registry/aliases.jsonl", "Their aliases (production, staging, ...)",
            db.ModelAliases.AsNoTracking().Where(a => mine.Contains(a.RegisteredModelId)).OrderBy(a => a.RegisteredModelId).ThenBy(a => a.Alias).AsAsyncEnumerable(), ct);
        await zip.AddLinesAsync("registry/alias-moves.jsonl", "Every alias move, with who moved it and why",
            db.AliasMoves.AsNoTracking().Where(a => mine.Contains(a.RegisteredModelId)).OrderBy(a => a.Id).AsAsyncEnumerable(), ct);
        await zip.AddLinesAsync("endpoints/endpoints.jsonl", "Your prediction endpoints",
            db.Endpoints.AsNoTracking().Where(e => e.UserId == user).OrderBy(e => e.CreatedAt).AsAsyncEnumerable(), ct);
        await zip.AddLinesAsync("endpoints/prediction-logs.jsonl", "The logged predictions of your endpoints: inputs, outputs, latency",
            db.PredictionLogs.AsNoTracking().Where(p => p.UserId == user).OrderBy(p => p.At).AsAsyncEnumerable(), ct);
        await zip.AddLinesAsync("endpoints/prediction-feedback.jsonl", "The actual outcomes you sent for logged predictions",
            db.PredictionFeedback.AsNoTracking().Where(p => p.UserId == user).OrderBy(p => p.At).AsAsyncEnumerable(), ct);
        await zip.AddLinesAsync("endpoints/monitor-windows.jsonl", "Your endpoints' monitoring windows (drift per feature)",
            db.MonitorWindows.AsNoTracking().Where(w => w.UserId == user).OrderBy(w => w.Start).AsAsyncEnumerable(), ct);
        await zip.AddLinesAsync("endpoints/alerts.jsonl", "Your endpoints' alerts",
            db.EndpointAlerts.AsNoTracking().Where(a => a.UserId == user).OrderBy(a => a.CreatedAt).AsAsyncEnumerable(), ct);
    }

    private async Task WorkflowsAsync(ExportArchive zip, Guid user, CancellationToken ct)
    {
        await zip.AddLinesAsync("workflows/workflows.jsonl", "Your workflows",
            db.Workflows.AsNoTracking().Where(w => w.UserId == user).OrderBy(w => w.CreatedAt).AsAsyncEnumerable(), ct);
        await zip.AddLinesAsync("workflows/runs.jsonl", "Their runs and decisions",
            db.WorkflowRuns.AsNoTracking().Where(r => r.UserId == user).OrderBy(r => r.CreatedAt).AsAsyncEnumerable(), ct);
    }

    private static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}
