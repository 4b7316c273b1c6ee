using AutoMl.Domain.Accounts;
using AutoMl.Infrastructure.Accounts;
using AutoMl.Infrastructure.Credits;
using AutoMl.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace AutoMl.Api.Accounts;

internal abstract record SignUpResult
{
    public sealed record Created(AppUser User) : SignUpResult;
    public sealed record DuplicateEmail : SignUpResult;
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : SignUpResult;
}

/// <summary>Creates the user, their (empty) credit account and the verification email, all in one transaction.</summary>
internal sealed class SignUp(
    AutoMlDbContext db,
    UserManager<AppUser> users,
    SignUpEmails emails,
    TimeProvider clock)
{
    public async Task<SignUpResult> RunAsync(SignupRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var email = request.Email.Trim();
        // Validation has refused a request without both boxes ticked; what is stored is what this version of the text asked.
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            CreatedAt = now,
            TermsVersion = Consent.TermsVersion,
            TermsAcceptedAt = now,
            AgeConfirmedAt = now,
        };

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, request.Password);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return new SignUpResult.DuplicateEmail();
        }
        if (!created.Succeeded)
        {
            if (created.Errors.Any(e => e.Code is "DuplicateUserName" or "DuplicateEmail"))
            {
                return new SignUpResult.DuplicateEmail();
            }
            return new SignUpResult.Invalid(GroupErrors(created.Errors));
        }

        // The account starts empty: the welcome bonus waits for the address to be confirmed (WelcomeBonus).
        db.CreditAccounts.Add(new CreditAccount { UserId = user.Id, Balance = 0, UpdatedAt = now });
        await emails.QueueAsync(user);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new SignUpResult.Created(user);
    }

    private static Dictionary<string, string[]> GroupErrors(IEnumerable<IdentityError> errors) =>
        errors.GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "email")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
}
