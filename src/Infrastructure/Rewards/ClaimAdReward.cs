using AutoMl.Domain.Credits;
using AutoMl.Infrastructure.Audit;
using AutoMl.Infrastructure.Credits;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutoMl.Infrastructure.Rewards;

public abstract record AdClaimResult
{
    public sealed record Rejected(string Reason) : AdClaimResult;
    public sealed record Replayed(string TransactionId) : AdClaimResult;
    public sealed record Recorded(Guid ClaimId, AdClaimStatus Status, int RiskScore) : AdClaimResult;
}

/// <summary>
/// Turns an AdMob SSV callback into credits: the signature first, every field read from the content it covers, then our
/// ad unit, the callback's age, the user, a risk score from velocity, and in one transaction the claim row (unique transaction id), the daily cap (a conditional upsert) and the ledger credit.
/// </summary>
public sealed class ClaimAdReward(
    AutoMlDbContext db,
    CreditLedger ledger,
    AdMobKeyStore keys,
    AdVelocity velocity,
    IOptions<AdMobOptions> options,
    TimeProvider clock,
    ILogger<ClaimAdReward> logger)
{
    public static string LedgerKey(string transactionId) => $"admob:{transactionId}";

    /// <summary>How far ahead of our clock a callback's timestamp may be: Google's clocks and ours drift a little.</summary>
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Source: the address the callback came from (after trusted proxies), one of Google's servers.</summary>
    public async Task<AdClaimResult> RunAsync(string rawQuery, string? source, CancellationToken ct)
    {
        var o = options.Value;
        var claimed = AdMobCallback.ClaimedTransactionId(rawQuery);
        var ours = o.OurAdUnits();
        if (ours.Count == 0)
        {
            return Reject("no ad unit of ours is configured (AdMob__AdUnits is empty), so every callback is refused", claimed);
        }
        if (AdMobCallback.RepeatedParameter(rawQuery) is { } repeated)
        {
            return Reject($"{repeated} appears more than once in the query", claimed);
        }
        if (!AdMobSignature.TryParse(rawQuery, out var content, out var signature, out var keyId))
        {
            return Reject("the query is not an AdMob callback (signature or key_id missing)", claimed);
        }
        if (AdMobCallback.Read(content, out var problem) is not { } callback)
        {
            return Reject($"the query is not an AdMob callback ({problem})", claimed);
        }
        if (await keys.FindAsync(keyId, ct) is not { } key)
        {
            return Reject($"key_id {keyId} is not one of AdMob's verifier keys", callback.TransactionId);
        }
        if (!AdMobSignature.Verify(content, signature, key))
        {
            return Reject("the signature does not match the callback", callback.TransactionId);
        }
        if (!ours.Contains(callback.AdUnit))
        {
            return Reject($"ad unit {callback.AdUnit} is not one of ours", callback.TransactionId);
        }
        var age = clock.GetUtcNow().ToUnixTimeMilliseconds() - callback.TimestampMs;
        if (age > o.MaxAgeMinutes * 60_000L)
        {
            return Reject($"its timestamp is older than {o.MaxAgeMinutes} minutes", callback.TransactionId);
        }
        if (age < -(long)AllowedClockSkew.TotalMilliseconds)
        {
            return Reject($"its timestamp is in the future (more than {AllowedClockSkew.TotalMinutes:0} minutes ahead of our clock)", callback.TransactionId);
        }
        if (!Guid.TryParse(callback.UserId, out var userId) || !await db.Users.AnyAsync(u => u.Id == userId, ct))
        {
            return Reject("user_id (or custom_data user=) names no account", callback.TransactionId);
        }

        // Checked again by the unique index below; looked up first so AdMob's retries do not count as velocity.
        if (await db.AdClaims.AnyAsync(c => c.TransactionId == callback.TransactionId, ct))
        {
            return Replayed(callback.TransactionId);
        }
        var risk = await velocity.ScoreAsync(userId, callback.DeviceId, callback.Ip, source);
        var ip = callback.Ip ?? source;
        var now = clock.GetUtcNow();
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        var claimId = Guid.CreateVersion7();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var inserted = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO ad_claims (id, transaction_id, user_id, ad_unit, device_id, ip, credits, risk_score, risk_reasons, status, day, created_at)
            VALUES ({claimId}, {callback.TransactionId}, {userId}, {callback.AdUnit}, {callback.DeviceId}, {ip}, {o.RewardCredits},
                    {risk.Score}, {string.Join("; ", risk.Reasons)}, {nameof(AdClaimStatus.Held)}, {day}, {now})
            ON CONFLICT (transaction_id) DO NOTHING
            """, ct);
        if (inserted == 0)
        {
            return Replayed(callback.TransactionId);
        }
        var status = !await WithinDailyCapAsync(userId, day, o.DailyCap, ct) ? AdClaimStatus.Capped
            : risk.Score >= o.ReviewThreshold ? AdClaimStatus.Held
            : AdClaimStatus.Credited;
        if (status == AdClaimStatus.Credited)
        {
            await ledger.CreditAsync(userId, o.RewardCredits, CreditEntryKind.AdReward, "Rewarded ad", LedgerKey(callback.TransactionId), ct);
        }
        await db.AdClaims.Where(c => c.Id == claimId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, status), ct);
        if (status == AdClaimStatus.Held)
        {
            // A fraud hold is an act on the account's money the trail must show, with the risk that caused it.
            await AuditTrail.AppendAsync(db, now, new AuditEntry(AuditActions.AdClaimHold, "platform (ad fraud check)", userId, AuditOutcomes.Refused,
                "ad-claim", claimId.ToString(), $"Held for review: risk {risk.Score} ({string.Join("; ", risk.Reasons)})", ip), ct);
        }
        await tx.CommitAsync(ct);
        logger.LogInformation("AdMob claim {TransactionId} for user {UserId}: {Status} (risk {RiskScore}: {Reasons})",
            callback.TransactionId, userId, status, risk.Score, risk.Reasons);
        return new AdClaimResult.Recorded(claimId, status, risk.Score);
    }

    /// <summary>Counts the claim against the day's cap in one statement; the row lock of the upsert makes it exact under concurrency.</summary>
    private async Task<bool> WithinDailyCapAsync(Guid userId, DateOnly day, int cap, CancellationToken ct)
    {
        var counted = await db.Database.SqlQuery<int>($"""
            INSERT INTO ad_daily_counts (user_id, day, claims) VALUES ({userId}, {day}, 1)
            ON CONFLICT (user_id, day) DO UPDATE SET claims = ad_daily_counts.claims + 1 WHERE ad_daily_counts.claims < {cap}
            RETURNING claims AS "Value"
            """).ToListAsync(ct);
        return counted.Count == 1 && counted[0] <= cap;
    }

    private AdClaimResult.Replayed Replayed(string transactionId)
    {
        logger.LogWarning("AdMob callback rejected: transaction {TransactionId} replayed; nothing credited again", transactionId);
        return new AdClaimResult.Replayed(transactionId);
    }

    private AdClaimResult.Rejected Reject(string reason, string? transactionId)
    {
        logger.LogWarning("AdMob callback rejected ({TransactionId}): {Reason}", transactionId ?? "no transaction id", reason);
        return new AdClaimResult.Rejected(reason);
    }
}
