using AutoMl.Domain.Registry;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Infrastructure.Registry;

/// <summary>
/// Moves an alias in one transaction with its history: the move, the entry saying from, to, who and why, and, when
/// production leaves a version, <c>previous</c> pointing at that version, so a rollback is one move back (other
/// aliases keep no previous: one shared by all would name whichever moved last).
/// </summary>
public static class AliasMoves
{
    public static async Task<ModelAlias?> MoveAsync(AutoMlDbContext db, Guid registeredModelId, string alias, int? toVersion, string actor, string reason, DateTimeOffset now, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, ct);
        // The registered model's row is the lock every alias move of it takes, so two moves of one alias are ordered
        // and each history entry's "from" is what the alias really held.
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM registered_models WHERE id = {registeredModelId} FOR UPDATE", ct);
        var current = await db.ModelAliases.SingleOrDefaultAsync(a => a.RegisteredModelId == registeredModelId && a.Alias == alias, ct);
        var from = current?.Version;
        if (from == toVersion)
        {
            await tx.RollbackAsync(ct);
            return current;
        }
        ModelAlias? moved = null;
        if (toVersion is { } to)
        {
            if (current is null)
            {
                moved = new ModelAlias { RegisteredModelId = registeredModelId, Alias = alias, Version = to, UpdatedAt = now };
                db.ModelAliases.Add(moved);
            }
            else
            {
                current.Version = to;
                current.UpdatedAt = now;
                moved = current;
            }
        }
        else if (current is not null)
        {
            db.ModelAliases.Remove(current);
        }
        db.AliasMoves.Add(new AliasMove { RegisteredModelId = registeredModelId, Alias = alias, FromVersion = from, ToVersion = toVersion, Actor = actor, Reason = reason, At = now });
        if (from is { } left && alias == RegistryNames.Production)
        {
            var previous = await db.ModelAliases.SingleOrDefaultAsync(a => a.RegisteredModelId == registeredModelId && a.Alias == RegistryNames.Previous, ct);
            if (previous?.Version != left)
            {
                db.AliasMoves.Add(new AliasMove
                {
                    RegisteredModelId = registeredModelId,
                    Alias = RegistryNames.Previous,
                    FromVersion = previous?.Version,
                    ToVersion = left,
                    Actor = actor,
                    Reason = $"{alias} moved from version {left}",
                    At = now,
                });
                if (previous is null)
                {
                    db.ModelAliases.Add(new ModelAlias { RegisteredModelId = registeredModelId, Alias = RegistryNames.Previous, Version = left, UpdatedAt = now });
                }
                else
                {
                    previous.Version = left;
                    previous.UpdatedAt = now;
                }
            }
        }
        await db.SaveChangesAsync(ct);
        var owner = await db.RegisteredModels.Where(r => r.Id == registeredModelId).Select(r => new { r.UserId, r.Name }).SingleAsync(ct);
        await Audit.AuditTrail.AppendAsync(db, now, new Audit.AuditEntry(Audit.AuditActions.AliasMove, actor, owner.UserId, Audit.AuditOutcomes.Success,
            "registered-model", owner.Name, $"{alias}: {(from is null ? "none" : $"version {from}")} → {(toVersion is null ? "none" : $"version {toVersion}")}. {reason}"), ct);
        await tx.CommitAsync(ct);
        return moved;
    }
}
