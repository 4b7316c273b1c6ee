using AutoMl.Api.Accounts;
using AutoMl.Api.Credits;
using AutoMl.Api.Errors;
using AutoMl.Api.Paging;
using AutoMl.Api.Security;
using AutoMl.Domain.Credits;
using AutoMl.Infrastructure.Audit;
using AutoMl.Infrastructure.Credits;
using AutoMl.Infrastructure.Persistence;
using AutoMl.Infrastructure.Rewards;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Admin;

internal static class AdminEndpoints
{
    public static void MapAdminEndpoints(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin").WithTags("Admin").RequireAuthorization(AdminRole.Policy).RequireAntiforgeryForCookies();
        admin.MapGet("/ad-claims", ClaimsAsync);
        admin.MapPost("/ad-claims/{id:guid}/approve", (Guid id, ReviewRequest? body, CurrentUser current, ReviewAdClaim review, AuditLog audit, AutoMlDbContext db, CancellationToken ct) =>
            ReviewAsync(id, true, body, current, review, audit, db, ct));
        admin.MapPost("/ad-claims/{id:guid}/reject", (Guid id, ReviewRequest? body, CurrentUser current, ReviewAdClaim review, AuditLog audit, AutoMlDbContext db, CancellationToken ct) =>
            ReviewAsync(id, false, body, current, review, audit, db, ct));
        admin.MapGet("/audit", AuditEndpoints.ListAsync).WithDescription("The audit trail, newest first, filtered by account, action and time.");
        admin.MapGet("/audit/verify", AuditEndpoints.VerifyAsync).WithDescription("Checks the audit trail's hash chain and names the first row that does not hold.");
        admin.MapAdminUserEndpoints();
        admin.MapAccountStandingEndpoints();
        admin.MapFigureEndpoints();
        admin.MapGet("/users/{id:guid}/ledger", LedgerAsync);
        admin.MapPost("/users/{id:guid}/credits", AdjustAsync);
    }

    private static async Task<Results<Ok<Page<AdClaimView>>, ValidationProblem>> ClaimsAsync(
        AutoMlDbContext db, CancellationToken ct, string status = "held", int pageSize = 50)
    {
        if (!Enum.TryParse<AdClaimStatus>(status, ignoreCase: true, out var wanted))
        {
            return ProblemResults.Validation("status", "status is one of held, credited, capped, rejected.");
        }
        if (pageSize is < 1 or > 200)
        {
            return ProblemResults.Validation("pageSize", "pageSize is a number from 1 to 200.");
        }
        var items = await db.AdClaims.AsNoTracking().Where(c => c.Status == wanted).OrderByDescending(c => c.CreatedAt).Take(pageSize)
            .Select(c => new AdClaimView(c.Id, c.TransactionId, c.UserId, c.AdUnit, c.DeviceId, c.Ip, c.Credits, c.RiskScore, c.RiskReasons,
                c.Status, c.CreatedAt, c.ReviewedAt, c.ReviewNote))
            .ToListAsync(ct);
        return TypedResults.Ok(new Page<AdClaimView>(items, null));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ReviewAsync(
        Guid id, bool approve, ReviewRequest? body, CurrentUser current, ReviewAdClaim review, AuditLog audit, AutoMlDbContext db, CancellationToken ct) =>
        await review.RunAsync(id, approve, current.Id, body?.Note, ct) switch
        {
            ReviewOutcome.Done => await ReviewedAsync(id, approve, body?.Note, audit, db, ct),
            ReviewOutcome.NotFound => ProblemResults.NotFound("No ad claim has this id: list held claims with GET /api/v1/admin/ad-claims."),
            ReviewOutcome.NotHeld => ProblemResults.Conflict("This claim is not waiting for review (it was credited, capped or already decided)."),
            _ => throw new InvalidOperationException("Unhandled review outcome."),
        };

    private static async Task<NoContent> ReviewedAsync(Guid id, bool approve, string? note, AuditLog audit, AutoMlDbContext db, CancellationToken ct)
    {
        var owner = await db.AdClaims.AsNoTracking().Where(c => c.Id == id).Select(c => (Guid?)c.UserId).SingleOrDefaultAsync(ct);
        await audit.RecordAsync(AuditActions.AdClaimReview, owner, ct, targetType: "ad-claim", targetId: id.ToString(),
            detail: $"{(approve ? "Approved" : "Rejected")}{(string.IsNullOrWhiteSpace(note) ? "." : $": {note}")}");
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<AdminLedgerView>, ProblemHttpResult, ValidationProblem>> LedgerAsync(
        Guid id, AutoMlDbContext db, CancellationToken ct, int pageSize = 100, string? cursor = null)
    {
        if (pageSize is < 1 or > 500)
        {
            return ProblemResults.Validation("pageSize", "pageSize is a number from 1 to 500.");
        }
        if (await UserAsync(db, id, ct) is not { } user)
        {
            return ProblemResults.NotFound("No account has this id.");
        }
        var page = await KeysetPage.ReadAsync(db.CreditEntries.AsNoTracking().Where(e => e.UserId == id), pageSize, cursor, CreditEntryView.From, ct);
        return page is null
            ? ProblemResults.Validation("cursor", KeysetPage.BadCursor)
            : TypedResults.Ok(new AdminLedgerView(user, page.Items, page.NextCursor));
    }

    private static async Task<Results<Ok<AdminUserView>, ProblemHttpResult, ValidationProblem>> AdjustAsync(
        Guid id, CreditAdjustmentRequest request, CurrentUser current, CreditLedger ledger, AutoMlDbContext db, AuditLog audit,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CancellationToken ct)
    {
        if (request.Amount == 0 || Math.Abs(request.Amount) > 10_000_000)
        {
            return ProblemResults.Validation("amount", "amount is a non-zero whole number of credits (negative takes credits back), at most 10,000,000.");
        }
        var key = $"admin:{current.Id}:{idempotencyKey ?? Guid.NewGuid().ToString("N")}";
        var reference = $"{request.Reason.Trim()} (admin {current.Id})";
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = request.Amount > 0
            ? await ledger.CreditAsync(id, request.Amount, CreditEntryKind.Grant, reference, key, ct)
            : await ledger.DebitAsync(id, -request.Amount, CreditEntryKind.Clawback, reference, key, allowOwed: false, ct);
        if (result.Outcome == LedgerOutcome.Applied)
        {
            await audit.RecordAsync(AuditActions.CreditAdjustment, id, ct, targetType: "account", targetId: id.ToString(),
                detail: $"{request.Amount:+#;-#} credits: {request.Reason.Trim()}");
        }
        await tx.CommitAsync(ct);
        return result.Outcome switch
        {
            LedgerOutcome.Applied or LedgerOutcome.Duplicate => TypedResults.Ok((await UserAsync(db, id, ct))!),
            LedgerOutcome.NoAccount => ProblemResults.NotFound("No account has this id."),
            LedgerOutcome.Insufficient => ProblemResults.Conflict(
                $"The user has only {result.Balance - result.Held} available credits; take back at most that much."),
            _ => throw new InvalidOperationException("Unhandled ledger outcome."),
        };
    }

    private static Task<AdminUserView?> UserAsync(AutoMlDbContext db, Guid id, CancellationToken ct) => AdminUsers.FindAsync(db, id, ct);
}
