using System.Linq.Expressions;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AutoMl.Api.Credits;
using AutoMl.Api.Errors;
using AutoMl.Domain.Credits;
using AutoMl.Domain.Pricing;
using AutoMl.Infrastructure.Credits;
using AutoMl.Infrastructure.Models;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Ml.Bundle;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Models;

/// <summary>
/// POST /models/{id}/predict, priced like a batch prediction (<see cref="Pricing.Prediction"/>, per 1,000 rows, at
/// least 1 credit) and charged from the ledger only once the predictions are made: a refused or failed request costs
/// nothing. Each request has a ledger key: the client's Idempotency-Key (scoped to the user) or a fresh one. A request
/// retried with the same key and the same body is predicted again but charged once, and answers what the first did,
/// with Idempotent-Replayed: true; the same key with another body is a 422, never a free prediction.
/// </summary>
internal sealed class OnlinePrediction(AutoMlDbContext db, CreditLedger ledger, ModelCache cache, PredictionGate gate, ModelTargets targets, HotModels hot)
{
    public const int MaxRows = 1000;

    /// <summary>
    /// Rows whose model work costs about what reading the account does: a request this small without explanations goes
    /// straight to the charge, which checks the funds itself, so an account that cannot pay gets its 402 after that little
    /// work and never the predictions. Larger requests and explanations are checked first, so they get no compute at all.
    /// </summary>
    public const int RowsCheckedAtTheCharge = 10;

    public const int MaxExplainedRows = 100;
    public const string ReplayedHeader = "Idempotent-Replayed";
    private const string Missing = "No model with this id exists in your account.";

    /// <summary>What the pre-check reads of an account, in both places it reads it (with the model, or on its own).</summary>
    private static readonly Expression<Func<CreditAccount, LedgerResult>> Funds =
        a => new LedgerResult(LedgerOutcome.Insufficient, a.Balance, a.Held, a.Owed);

    public async Task<Results<Ok<PredictResponse>, ProblemHttpResult, ValidationProblem>> PredictAsync(HttpContext http, Guid userId, Guid modelId, PredictRequest request, string? idempotencyKey, CancellationToken ct)
    {
        if (Check(request, idempotencyKey) is { } invalid)
        {
            return invalid.Typed<PredictResponse>(_ => throw new InvalidOperationException());
        }
        // A one-row prediction is a few hundred microseconds of model work, so each round trip in front of it counts (issue
        // 31: p99 < 5 ms inside the API): the model comes from this instance's memory when it can, and otherwise with the
        // account in one query.
        var readAt = targets.Generation;
        var target = targets.Find(modelId, userId);
        LedgerResult? account = null;
        if (target is null)
        {
            var found = await db.Models.AsNoTracking().Where(m => m.Id == modelId && m.UserId == userId)
                .Select(m => new
                {
                    Target = new PredictionTarget(m.Id, m.BundleKey, m.DecisionThreshold),
                    Account = db.CreditAccounts.Where(a => a.UserId == userId).Select(Funds).FirstOrDefault(),
                }).SingleOrDefaultAsync(ct);
            if (found is null)
            {
                return ProblemResults.NotFound(Missing);
            }
            targets.Remember(userId, found.Target, readAt);
            (target, account) = (found.Target, found.Account);
        }
        var run = await RunAsync(http, userId, target, $"Online prediction: {request.Rows!.Count} rows with model {modelId:N}", $"{modelId:N}", request,
            idempotencyKey, ct, account);
        return run.Typed(done => done.Response);
    }

    /// <summary>The shape checks every online prediction passes first (rows, explain, key); null when they pass.</summary>
    public static PredictionRun? Check(PredictRequest request, string? idempotencyKey)
    {
        if (idempotencyKey is { Length: > 200 } or { Length: 0 })
        {
            return PredictionRun.Refused(ProblemResults.BadRequest("The Idempotency-Key header has 1 to 200 characters."));
        }
        if (request.Rows is not { Count: > 0 } rows || rows.Count > MaxRows)
        {
            return PredictionRun.Refused(ProblemResults.Validation("rows", $"Send 1 to {MaxRows} rows as objects of column → value; use a batch prediction job for more."));
        }
        if (request.Explain && rows.Count > MaxExplainedRows)
        {
            return PredictionRun.Refused(ProblemResults.Validation("explain",
                $"explain=true explains at most {MaxExplainedRows} rows per request and this one has {rows.Count}: send the rows to explain in requests of {MaxExplainedRows}, or predict without explain."));
        }
        return null;
    }

    /// <summary>
    /// Predicts <paramref name="request"/> (checked by <see cref="Check"/>) with <paramref name="model"/> and charges for it.
    /// <paramref name="reference"/> is the ledger's wording without the request's fingerprint; <paramref name="subject"/> is
    /// what a retry with the same key must name again (a model, or an endpoint whatever version it serves).
    /// <paramref name="account"/>, when the caller read it with the model, saves reading it again; without it, a request of
    /// at most <see cref="RowsCheckedAtTheCharge"/> rows is checked by its charge alone.
    /// </summary>
    public async Task<PredictionRun> RunAsync(HttpContext http, Guid userId, PredictionTarget model, string reference, string subject, PredictRequest request,
        string? idempotencyKey, CancellationToken ct, LedgerResult? account = null)
    {
        var rows = request.Rows!;
        var price = Pricing.Prediction(rows.Count);
        reference = $"{reference} (request {Fingerprint(subject, request)})";
        var key = idempotencyKey is null ? $"predict:{Guid.CreateVersion7():N}" : $"predict:{userId:N}:{Hash(idempotencyKey)[..32]}";
        var earlier = idempotencyKey is null ? null : await EarlierAsync(key, ct);
        if (earlier is not null && earlier.Reference != reference)
        {
            return PredictionRun.Refused(Reused());
        }
        var checkFirst = account is not null || request.Explain || rows.Count > RowsCheckedAtTheCharge;
        if (earlier is null && checkFirst && (account ?? await db.CreditAccounts.AsNoTracking().Where(a => a.UserId == userId).Select(Funds).SingleOrDefaultAsync(ct)) is { } funds
            && !Spending.Allowed(funds.Balance, funds.Held, funds.Owed, price))
        {
            // Checked before the work, so an account that cannot pay gets no compute either; the charge checks again. A
            // small request is checked by its charge alone (RowsCheckedAtTheCharge) unless the account came with the model.
            return PredictionRun.Refused(Shortfall(funds, rows.Count, price));
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        // A bundle is loaded once per instance however many requests wait for it, so the load takes no slot: requests
        // waiting on a version an alias just moved to would otherwise hold every slot while other models' requests queue.
        var bundle = await cache.GetAsync(model.ModelId, model.BundleKey, ct);
        if (request.Explain && !bundle.CanExplain)
        {
            return PredictionRun.Refused(ProblemResults.Problem(StatusCodes.Status422UnprocessableEntity, "No explanations",
                "This model has no tree members, so it cannot explain a prediction with SHAP values; predict without explain."));
        }
        IReadOnlyList<RowPrediction> predictions;
        // The slot covers the model's work only: the charge below is a Postgres round trip that needs no core.
        using (var slot = await gate.EnterAsync(ct))
        {
            if (slot is null)
            {
                http.Response.Headers.RetryAfter = "1";
                return PredictionRun.Refused(ProblemResults.Problem(StatusCodes.Status503ServiceUnavailable, "Too many predictions",
                    "This instance is running as many predictions as it can at once; retry after a second."));
            }
            predictions = DecisionThreshold.Apply(bundle, bundle.Predict(Inputs(request), request.Explain), model.Threshold);
        }
        var milliseconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        // A starting instance loads the models predicted lately before it listens (ModelWarmer).
        hot.Predicted(model.ModelId);

        if (earlier is not null)
        {
            return Replayed(http, predictions, earlier.Charged, milliseconds);
        }
        var charge = await ledger.ChargeAsync(userId, price, CreditEntryKind.Prediction, reference, key, CancellationToken.None);
        return charge.Outcome switch
        {
            LedgerOutcome.Applied => PredictionRun.Answered(new PredictionDone(Answer(predictions, price), predictions, milliseconds, false)),
            // The same key raced this request and was charged first.
            LedgerOutcome.Duplicate => await EarlierAsync(key, CancellationToken.None) is { } first && first.Reference == reference
                ? Replayed(http, predictions, first.Charged, milliseconds)
                : PredictionRun.Refused(Reused()),
            _ => PredictionRun.Refused(Shortfall(charge, rows.Count, price)),
        };
    }

    /// <summary>The rows as the bundle reads them: JSON numbers, strings and booleans; anything else is a missing value.</summary>
    public static List<IReadOnlyDictionary<string, object?>> Inputs(PredictRequest request) =>
        request.Rows!.Select(r => (IReadOnlyDictionary<string, object?>)r.ToDictionary(kv => kv.Key, kv => Value(kv.Value))).ToList();

    public static PredictResponse Answer(IReadOnlyList<RowPrediction> predictions, long charged) =>
        new(predictions.Select(p => new PredictionView(p.Label, p.Value, p.Probabilities, p.Shap, p.ShapExpectedValue)).ToList(), charged);

    private sealed record Earlier(string Reference, long Charged);

    private async Task<Earlier?> EarlierAsync(string key, CancellationToken ct) =>
        await db.CreditEntries.AsNoTracking().Where(e => e.IdempotencyKey == key)
            .Select(e => new Earlier(e.Reference, -e.Amount)).SingleOrDefaultAsync(ct);

    private static PredictionRun Replayed(HttpContext http, IReadOnlyList<RowPrediction> predictions, long charged, double milliseconds)
    {
        http.Response.Headers[ReplayedHeader] = "true";
        return PredictionRun.Answered(new PredictionDone(Answer(predictions, charged), predictions, milliseconds, true));
    }

    private static ProblemHttpResult Reused() =>
        ProblemResults.Problem(StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused",
            "This Idempotency-Key was already used for a different prediction request (another model, other rows or another explain). Send a new key for a new request.");

    private static ProblemHttpResult Shortfall(LedgerResult account, int rows, long price) =>
        ProblemResults.Problem(StatusCodes.Status402PaymentRequired, CreditShortfall.Title,
            CreditShortfall.Detail(account, $"Predicting {rows:N0} rows costs {price} credit{(price == 1 ? "" : "s")}", "predicting", "Buy credits to predict."));

    /// <summary>What the request asks, so a reused key can tell a retry from another request.</summary>
    private static string Fingerprint(string subject, PredictRequest request) =>
        Hash($"{subject}|{request.Explain}|{JsonSerializer.Serialize(request.Rows)}")[..16];

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static object? Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}

/// <summary>The model an online prediction runs: its id, where its bundle is stored, and its decision threshold (binary; null is the default).</summary>
internal sealed record PredictionTarget(Guid ModelId, string BundleKey, double? Threshold);

/// <summary>A prediction made and paid for: the answer, the rows as predicted, and how long the prediction itself took.</summary>
internal sealed record PredictionDone(PredictResponse Response, IReadOnlyList<RowPrediction> Rows, double Milliseconds, bool Replayed);

/// <summary>An online prediction's end: done, or refused with a problem (a validation problem names the field).</summary>
internal sealed record PredictionRun(PredictionDone? Done, ProblemHttpResult? Problem, ValidationProblem? Invalid)
{
    public static PredictionRun Answered(PredictionDone done) => new(done, null, null);

    public static PredictionRun Refused(ProblemHttpResult problem) => new(null, problem, null);

    public static PredictionRun Refused(ValidationProblem invalid) => new(null, null, invalid);

    public Results<Ok<T>, ProblemHttpResult, ValidationProblem> Typed<T>(Func<PredictionDone, T> answer) =>
        Done is { } done ? TypedResults.Ok(answer(done)) : Problem is { } problem ? problem : Invalid!;
}
