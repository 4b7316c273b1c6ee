using AutoMl.Domain.Accounts;
using Microsoft.AspNetCore.Identity;

namespace AutoMl.Infrastructure.Accounts;

public sealed class AppUser : IdentityUser<Guid>
{
    public Tier Tier { get; set; } = Tier.Free;
    public DateTimeOffset CreatedAt { get; set; }
}
