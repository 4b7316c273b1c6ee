using AutoMl.Domain.Accounts;
using Microsoft.AspNetCore.Identity;

namespace AutoMl.Infrastructure.Accounts;

public sealed class AppUser : IdentityUser<Guid>
{
    public Tier Tier { get; set; } = Tier.Free;
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Whether a long training job's outcome (finished or failed) is mailed; on unless the user turns it off.</summary>
    public bool NotifyJobFinished { get; set; } = true;

    /// <summary>Whether a charge that takes the balance below the low-balance line is mailed.</summary>
    public bool NotifyLowBalance { get; set; } = true;

    /// <summary>When an admin suspended the account; null while it is in good standing. A suspended account signs in with nothing and starts no work.</summary>
    public DateTimeOffset? SuspendedAt { get; set; }

    /// <summary>The admin who suspended it (no foreign key: the record outlives that admin's account, like the audit trail).</summary>
    public Guid? SuspendedBy { get; set; }

    public string? SuspensionReason { get; set; }
}
