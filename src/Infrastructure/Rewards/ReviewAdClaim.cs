using AutoMl.Domain.Credits;
using AutoMl.Infrastructure.Credits;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AutoMl.Infrastructure.Rewards;

public enum ReviewOutcome
{
    Done = 0,
    NotFound = 1,
    NotHeld = 2,
}

/// <summary>An admin's decision on a held claim: approve credits it (same ledger key as an automatic credit), reject frees its daily-cap slot.</summary>
public sealed class ReviewAdClaim(AutoMlDbContext db, CreditLedger ledger, TimeProvider clock, ILogger<ReviewAdClaim> logger)
{
    /// <param name="record">Writes the review's audit row, given the claim's owner, inside the review's transaction.</param>
    public async Task<ReviewOutcome> RunAsync(Guid claimId, bool approve, Guid adminId, string? note, Func<Guid, CancellationToken, Task> record, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claim = await db.AdClaims.FromSql($"SELECT * FROM ad_claims WHERE id = {claimId} FOR UPDATE").SingleOrDefaultAsync(ct);
        if (claim is null)
        {
            return ReviewOutcome.NotFound;
        }
        if (claim.Status != AdClaimStatus.Held)
        {
            return ReviewOutcome.NotHeld;
        }
        if (approve)
        {
            await ledger.CreditAsync(claim.UserId, claim.Credits, CreditEntryKind.AdReward, "Rewarded ad (approved after review)",
                ClaimAdReward.LedgerKey(claim.TransactionId), ct);
        }
        else
        {
            await db.Database.ExecuteSqlAsync(
                $"UPDATE ad_daily_counts SET claims = claims - 1 WHERE user_id = {claim.UserId} AND day = {claim.Day} AND claims > 0", ct);
        }
        claim.Status = approve ? AdClaimStatus.Credited : AdClaimStatus.Rejected;
        claim.ReviewedAt = clock.GetUtcNow();
        claim.ReviewedBy = adminId;
        claim.ReviewNote = note?.Length > 300 ? note[..300] : note;
        await db.SaveChangesAsync(ct);
        await record(claim.UserId, ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Ad claim {ClaimId} {Decision} by admin {AdminId}", claimId, approve ? "approved" : "rejected", adminId);
        return ReviewOutcome.Done;
    }
}
