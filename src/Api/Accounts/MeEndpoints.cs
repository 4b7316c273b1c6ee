using AutoMl.Api.Errors;
using AutoMl.Api.Security;
using AutoMl.Infrastructure.Accounts;
using AutoMl.Infrastructure.Audit;
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
        me.MapPatch("/", UpdateAsync);
        me.MapPost("/email", EmailChangeEndpoints.RequestAsync);
        me.MapDelete("/", DeleteAsync).RequireRecentSignIn();
        me.MapGet("/security-events", Admin.AuditEndpoints.MineAsync)
            .WithDescription("The security events of your account, newest first: sign-ins (and failed ones), password and email changes, API keys created and revoked, credits granted by an admin, alias moves and approvals.");
    }

    private static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> GetAsync(CurrentUser current, AutoMlDbContext db, WelcomeBonus bonus, CancellationToken ct) =>
        await MeAsync(current, db, bonus, ct) is { } me ? TypedResults.Ok(me) : ProblemResults.Unauthorized("This account no longer exists.");

    /// <summary>The notification settings; a field left out keeps its value.</summary>
    private static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> UpdateAsync(
        UpdateMeRequest request, CurrentUser current, AutoMlDbContext db, WelcomeBonus bonus, CancellationToken ct)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == current.Id, ct);
        if (user is null)
        {
            return ProblemResults.Unauthorized("This account no longer exists.");
        }
        user.NotifyJobFinished = request.NotifyJobFinished ?? user.NotifyJobFinished;
        user.NotifyLowBalance = request.NotifyLowBalance ?? user.NotifyLowBalance;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await MeAsync(current, db, bonus, ct))!);
    }

    private static async Task<MeResponse?> MeAsync(CurrentUser current, AutoMlDbContext db, WelcomeBonus bonus, CancellationToken ct)
    {
        var me = await db.Users.AsNoTracking().Where(u => u.Id == current.Id)
            .Select(u => new { u.Id, u.Email, u.Tier, u.EmailConfirmed, u.CreatedAt, u.NotifyJobFinished, u.NotifyLowBalance })
            .SingleOrDefaultAsync(ct);
        return me is null
            ? null
            : new MeResponse(me.Id, me.Email!, me.Tier, me.EmailConfirmed, me.CreatedAt, await bonus.StateAsync(me.Id, me.EmailConfirmed, ct),
                me.NotifyJobFinished, me.NotifyLowBalance, current.IsAdmin);
    }

    /// <summary>Deletes the account after cancelling what outlives it (see AccountDeletion); a 503 when Stripe cannot be reached.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        CurrentUser current, AccountDeletion deletion, SignInManager<AppUser> signIn, AuditLog audit, ILogger<AccountDeletion> logger, CancellationToken ct)
    {
        // Recorded before the account goes, while the request can still say who it is; the trail outlives the account.
        var actor = await audit.DescribeCurrentAsync(ct);
        switch (await deletion.RunAsync(current.Id, ct))
        {
            case DeletionResult.NoUser:
                return ProblemResults.Unauthorized("This account no longer exists.");
            case DeletionResult.BillingStillRunning(var cause):
                logger.LogWarning("Account {UserId} not deleted: its Stripe subscription could not be cancelled ({Error})", current.Id,
                    cause is Stripe.StripeException s ? $"{s.HttpStatusCode} {s.StripeError?.Type}" : cause.GetType().Name);
                return ProblemResults.Problem(StatusCodes.Status503ServiceUnavailable, "Subscription could not be cancelled",
                    "Your account has not been deleted: we could not reach Stripe to cancel your Pro subscription, and deleting the account "
                    + "would leave it billing you. Try again in a few minutes.");
        }
        await audit.RecordAsync(AuditActions.AccountDeletion, current.Id, ct, targetType: "account", targetId: current.Id.ToString(), actor: actor);
        if (current.ViaCookie)
        {
            await signIn.SignOutAsync();
        }
        return TypedResults.NoContent();
    }
}
