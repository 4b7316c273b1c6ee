using AutoMl.Infrastructure;
using AutoMl.Infrastructure.Accounts;
using AutoMl.Infrastructure.Email;
using AutoMl.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AutoMl.Api.Accounts;

internal sealed class SignUpEmails(UserManager<AppUser> users, EmailOutbox outbox, AutoMlDbContext db, IOptions<PlatformOptions> options)
{
    /// <summary>Adds the verification email to the caller's unit of work; the caller saves.</summary>
    public async Task QueueAsync(AppUser user)
    {
        var encoded = AccountEmails.Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = new Uri($"{options.Value.PublicUrl.TrimEnd('/')}/verify-email?userId={user.Id}&token={encoded}");
        outbox.QueueVerifyEmail(user.Id, user.Email!, link);
    }

    public async Task QueueVerificationAsync(AppUser user, CancellationToken ct)
    {
        await QueueAsync(user);
        await db.SaveChangesAsync(ct);
    }
}
