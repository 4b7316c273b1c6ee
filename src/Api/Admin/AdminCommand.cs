using AutoMl.Domain.Credits;
using AutoMl.Infrastructure.Audit;
using AutoMl.Infrastructure.Credits;
using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Admin;

/// <summary>
/// `dotnet AutoMl.Api.dll admin grant-role EMAIL` and `admin grant-credits EMAIL AMOUNT REASON…`: run after the
/// migration and before the server starts, then exit, so they work on a machine where the API is already listening.
/// </summary>
internal static class AdminCommand
{
    private const string Usage = "usage: admin grant-role EMAIL | admin grant-credits EMAIL AMOUNT REASON… | admin audit-verify";

    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length < 1 || args[0] != "admin")
        {
            return false;
        }
        await using var scope = app.Services.CreateAsyncScope();
        Environment.ExitCode = args switch
        {
            [_, "grant-role", var email] => await GrantRoleAsync(scope.ServiceProvider, email),
            [_, "audit-verify"] => await VerifyAuditAsync(scope.ServiceProvider),
            [_, "grant-credits", var email, var amount, .. var reason] when long.TryParse(amount, out var credits) && credits > 0 && reason.Length > 0 =>
                await GrantCreditsAsync(scope.ServiceProvider, email, credits, string.Join(' ', reason)),
            _ => await FailAsync(Usage),
        };
        return true;
    }

    private static async Task<int> GrantRoleAsync(IServiceProvider services, string email)
    {
        var granted = await AdminRole.GrantAsync(services, email);
        await Console.Out.WriteLineAsync(granted ? $"{email} is now an admin." : $"No account has the email {email}: sign up first.");
        return granted ? 0 : 1;
    }

    private static async Task<int> GrantCreditsAsync(IServiceProvider services, string email, long credits, string reason)
    {
        var db = services.GetRequiredService<AutoMlDbContext>();
        var normalized = email.Trim().ToUpperInvariant();
        var user = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => (Guid?)u.Id).SingleOrDefaultAsync();
        if (user is null)
        {
            return await FailAsync($"No account has the email {email}.");
        }
        var result = await services.GetRequiredService<CreditLedger>()
            .CreditAsync(user.Value, credits, CreditEntryKind.Grant, $"Admin grant: {reason}", $"admin-cli:{Guid.NewGuid():N}", CancellationToken.None);
        await Console.Out.WriteLineAsync($"Granted {credits} credits to {email}; balance now {result.Balance}.");
        return 0;
    }

    /// <summary>Exit 0 when the audit trail's hash chain holds; 1 naming the first row that does not.</summary>
    private static async Task<int> VerifyAuditAsync(IServiceProvider services)
    {
        var check = await AuditVerifier.VerifyAsync(services.GetRequiredService<AutoMlDbContext>(), CancellationToken.None);
        if (check.Intact)
        {
            await Console.Out.WriteLineAsync($"The audit trail holds: {check.Checked:N0} rows checked.");
            return 0;
        }
        await Console.Error.WriteLineAsync($"The audit trail is broken at row {check.BrokenAt}: {check.Problem}");
        return 1;
    }

    private static async Task<int> FailAsync(string message)
    {
        await Console.Error.WriteLineAsync(message);
        return 2;
    }
}
