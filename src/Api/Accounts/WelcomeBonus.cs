using AutoMl.Domain.Accounts;
using AutoMl.Domain.Credits;
using AutoMl.Infrastructure;
using AutoMl.Infrastructure.Accounts;
using AutoMl.Infrastructure.Credits;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AutoMl.Api.Accounts;

/// <summary>Where an account stands with its welcome bonus, shown by GET /me and GET /credits.</summary>
public enum WelcomeBonusState
{
    /// <summary>The address is not confirmed yet; confirming it grants the bonus (if the mailbox never had one).</summary>
    AwaitingConfirmation = 0,
    Granted = 1,

    /// <summary>The mailbox (in any spelling, or by an account since deleted) already had its bonus.</summary>
    AlreadyReceived = 2,
}

/// <summary>
/// Grants the welcome bonus once per mailbox ever, when its address is confirmed. The mailbox's hash is inserted first
/// (its primary key lets one of two racing confirmations win); the ledger's idempotency key per user makes a retry,
/// or an account that got its bonus at sign-up before this rule, a no-op.
/// </summary>
internal sealed class WelcomeBonus(AutoMlDbContext db, CreditLedger ledger, IOptions<PlatformOptions> options, TimeProvider clock, ILogger<WelcomeBonus> logger)
{
    /// <summary>Runs inside the caller's transaction, the one that confirms the address.</summary>
    public async Task GrantAsync(AppUser user, CancellationToken ct)
    {
        var bonus = options.Value.SignupBonusCredits;
        if (bonus <= 0 || user.Email is null)
        {
            return;
        }
        var hash = MailboxIdentity.Hash(user.Email);
        var claimed = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO signup_bonus_grants (address_hash, user_id, granted_at) VALUES ({hash}, {user.Id}, {clock.GetUtcNow()})
            ON CONFLICT (address_hash) DO NOTHING
            """, ct);
        if (claimed == 0)
        {
            logger.LogInformation("Welcome bonus not granted to {UserId}: this mailbox already received one", user.Id);
            return;
        }
        await ledger.CreditAsync(user.Id, bonus, CreditEntryKind.SignupBonus, "Welcome bonus", CreditRules.SignupBonusKey(user.Id), ct);
    }

    public async Task<WelcomeBonusState> StateAsync(Guid userId, bool emailConfirmed, CancellationToken ct)
    {
        if (!emailConfirmed)
        {
            return WelcomeBonusState.AwaitingConfirmation;
        }
        var key = CreditRules.SignupBonusKey(userId);
        return await db.CreditEntries.AnyAsync(e => e.UserId == userId && e.IdempotencyKey == key, ct)
            ? WelcomeBonusState.Granted
            : WelcomeBonusState.AlreadyReceived;
    }
}
