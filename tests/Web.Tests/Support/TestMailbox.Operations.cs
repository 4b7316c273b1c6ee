using AutoMl.Api.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Web.Tests.Support;

/// <summary>
/// What an operator does outside the dashboard, for the specs: POST /admin?email=… grants the admin role (as
/// `AutoMl.Api admin grant-role` does); POST /ops/drift?email=…&amp;amount=… moves the account's balance past its ledger in
/// SQL (a negative amount puts it back); POST /ops/reconcile and /ops/alerts run those worker jobs at once.
/// </summary>
public sealed partial class TestMailbox
{
    private void MapOperations(WebApplication server)
    {
        server.MapPost("/admin", async (string email) =>
        {
            await platform.GrantAdminAsync(email);
            return Results.NoContent();
        });
        server.MapPost("/ops/drift", async (string email, long amount) =>
        {
            var moved = await platform.InDbAsync(db => db.Database.ExecuteSqlAsync(
                $"UPDATE credit_accounts SET balance = balance + {amount} WHERE user_id = (SELECT id FROM users WHERE normalized_email = {email.ToUpperInvariant()})"));
            return moved == 1 ? Results.NoContent() : Results.NotFound();
        });
        server.MapPost("/ops/reconcile", async () =>
        {
            await platform.ReconcileAsync();
            return Results.NoContent();
        });
        server.MapPost("/ops/alerts", async () =>
        {
            await platform.RunAlertsAsync();
            return Results.NoContent();
        });
    }
}
