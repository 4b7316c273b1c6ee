using AutoMl.Api.Errors;
using AutoMl.Api.Security;
using AutoMl.Infrastructure.Accounts;
using AutoMl.Infrastructure.Blobs;
using AutoMl.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Accounts;

internal static class MeEndpoints
{
    public static void MapMeEndpoints(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("Accounts").RequireAuthorization().RequireAntiforgeryForCookies().KeysOnlyRead();
        me.MapGet("/", GetAsync);
        me.MapDelete("/", DeleteAsync);
    }

    private static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> GetAsync(CurrentUser current, AutoMlDbContext db, CancellationToken ct)
    {
        var me = await db.Users.AsNoTracking().Where(u => u.Id == current.Id)
            .Select(u => new MeResponse(u.Id, u.Email!, u.Tier, u.EmailConfirmed, u.CreatedAt))
            .SingleOrDefaultAsync(ct);
        return me is null ? ProblemResults.Unauthorized("This account no longer exists.") : TypedResults.Ok(me);
    }

    /// <summary>Deletes the account, every row it owns (cascading keys) and every blob under its prefixes.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        CurrentUser current, AutoMlDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn, IBlobStore blobs, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(current.Id.ToString());
        if (user is null)
        {
            return ProblemResults.Unauthorized("This account no longer exists.");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.OutboxEmails.Where(e => e.UserId == user.Id && e.SentAt == null).ExecuteDeleteAsync(ct);
        var deleted = await users.DeleteAsync(user);
        if (!deleted.Succeeded)
        {
            throw new InvalidOperationException("Deleting the account failed: " + string.Join("; ", deleted.Errors.Select(e => e.Code)));
        }
        await tx.CommitAsync(ct);
        foreach (var prefix in BlobKeys.AllOfUser(user.Id))
        {
            await blobs.DeletePrefixAsync(prefix, ct);
        }
        if (current.ViaCookie)
        {
            await signIn.SignOutAsync();
        }
        return TypedResults.NoContent();
    }
}
