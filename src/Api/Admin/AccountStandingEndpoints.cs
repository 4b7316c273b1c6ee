using AutoMl.Api.Accounts;
using AutoMl.Api.Errors;
using AutoMl.Domain.Accounts;
using AutoMl.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AutoMl.Api.Admin;

/// <summary>What an admin changes about an account's standing: its tier, and suspension.</summary>
internal static class AccountStandingEndpoints
{
    private const string NoSuchUser = "No account has this id: find it with GET /api/v1/admin/users?query=.";

    public static void MapAccountStandingEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapPut("/users/{id:guid}/tier", SetTierAsync).WithDescription(
            "Sets the account's tier (free, pro or enterprise) with a reason for the audit trail; prices, limits and rate limits follow at once.");
        admin.MapPost("/users/{id:guid}/suspend", SuspendAsync).WithDescription(
            "Suspends the account: its sessions end, its API keys and sign-ins are refused (403), its queued and running jobs are cancelled and no new work starts.");
        admin.MapPost("/users/{id:guid}/unsuspend", UnsuspendAsync).WithDescription(
            "Lifts a suspension: the user can sign in and use their API keys again.");
    }

    private static async Task<Results<Ok<AdminUserView>, ProblemHttpResult, ValidationProblem>> SetTierAsync(
        Guid id, SetTierRequest request, TierChange change, AutoMlDbContext db, CancellationToken ct)
    {
        if (!TierNames.TryParse(request.Tier, out var tier))
        {
            return ProblemResults.Validation("tier", $"'{request.Tier}' is not a tier: use free, pro or enterprise.");
        }
        if (!await change.RunAsync(id, tier, request.Reason, ct))
        {
            return ProblemResults.NotFound(NoSuchUser);
        }
        return await AdminUsers.FindAsync(db, id, ct) is { } user ? TypedResults.Ok(user) : ProblemResults.NotFound(NoSuchUser);
    }

    private static async Task<Results<Ok<AdminUserView>, ProblemHttpResult>> SuspendAsync(
        Guid id, SuspendRequest request, CurrentUser current, AccountSuspension suspension, AutoMlDbContext db, CancellationToken ct) =>
        await suspension.SuspendAsync(id, current.Id, request.Reason, ct) switch
        {
            SuspensionOutcome.Done => await UserAsync(db, id, ct),
            SuspensionOutcome.NoAccount => ProblemResults.NotFound(NoSuchUser),
            SuspensionOutcome.Self => ProblemResults.Conflict("You cannot suspend your own account: ask another admin if it must be suspended."),
            _ => throw new InvalidOperationException("Unhandled suspension outcome."),
        };

    private static async Task<Results<Ok<AdminUserView>, ProblemHttpResult>> UnsuspendAsync(
        Guid id, UnsuspendRequest? request, AccountSuspension suspension, AutoMlDbContext db, CancellationToken ct) =>
        await suspension.UnsuspendAsync(id, request?.Reason, ct) switch
        {
            SuspensionOutcome.Done => await UserAsync(db, id, ct),
            SuspensionOutcome.NoAccount => ProblemResults.NotFound(NoSuchUser),
            _ => throw new InvalidOperationException("Unhandled suspension outcome."),
        };

    private static async Task<Results<Ok<AdminUserView>, ProblemHttpResult>> UserAsync(AutoMlDbContext db, Guid id, CancellationToken ct) =>
        await AdminUsers.FindAsync(db, id, ct) is { } user ? TypedResults.Ok(user) : ProblemResults.NotFound(NoSuchUser);
}
