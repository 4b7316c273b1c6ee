using AutoMl.Infrastructure.Accounts;
using AutoMl.Infrastructure.Credits;
using AutoMl.Infrastructure.Datasets;
using AutoMl.Infrastructure.Email;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Infrastructure.Persistence;

public sealed class AutoMlDbContext(DbContextOptions<AutoMlDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>The keys that sign session cookies and tokens, shared by every API instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<CreditAccount> CreditAccounts => Set<CreditAccount>();
    public DbSet<CreditEntry> CreditEntries => Set<CreditEntry>();
    public DbSet<OutboxEmail> OutboxEmails => Set<OutboxEmail>();
    public DbSet<Payments.StripePayment> StripePayments => Set<Payments.StripePayment>();
    public DbSet<Rewards.AdClaim> AdClaims => Set<Rewards.AdClaim>();
    public DbSet<Dataset> Datasets => Set<Dataset>();
    public DbSet<StorageReservation> StorageReservations => Set<StorageReservation>();
    public DbSet<Jobs.Job> Jobs => Set<Jobs.Job>();
    public DbSet<Jobs.Trial> Trials => Set<Jobs.Trial>();
    public DbSet<Events.JobEvent> JobEvents => Set<Events.JobEvent>();
    public DbSet<Events.EventSequence> EventSequences => Set<Events.EventSequence>();
    public DbSet<Models.Model> Models => Set<Models.Model>();
    public DbSet<Evaluations.ModelEvaluation> ModelEvaluations => Set<Evaluations.ModelEvaluation>();
    public DbSet<Registry.RegisteredModel> RegisteredModels => Set<Registry.RegisteredModel>();
    public DbSet<Registry.ModelVersion> ModelVersions => Set<Registry.ModelVersion>();
    public DbSet<Registry.ModelAlias> ModelAliases => Set<Registry.ModelAlias>();
    public DbSet<Registry.AliasMove> AliasMoves => Set<Registry.AliasMove>();
    public DbSet<Registry.ServingEndpoint> Endpoints => Set<Registry.ServingEndpoint>();
    public DbSet<Registry.PredictionLog> PredictionLogs => Set<Registry.PredictionLog>();
    public DbSet<Registry.PredictionFeedback> PredictionFeedback => Set<Registry.PredictionFeedback>();
    public DbSet<Registry.MonitorWindow> MonitorWindows => Set<Registry.MonitorWindow>();
    public DbSet<Registry.EndpointAlert> EndpointAlerts => Set<Registry.EndpointAlert>();
    public DbSet<Workflows.Workflow> Workflows => Set<Workflows.Workflow>();
    public DbSet<Workflows.WorkflowRun> WorkflowRuns => Set<Workflows.WorkflowRun>();
    public DbSet<Audit.AuditEvent> AuditEvents => Set<Audit.AuditEvent>();
    public DbSet<Audit.AuditArchive> AuditArchives => Set<Audit.AuditArchive>();
    public DbSet<Exports.DataExport> DataExports => Set<Exports.DataExport>();

    // Each with the transaction it waits for: a transaction disposed without a commit or a rollback ends no
    // interceptor call, so its work must not run when a later transaction commits.
    private List<(Guid Transaction, Func<Task> Work)>? afterCommit;

    /// <summary>Runs <paramref name="action"/> once the current transaction commits (now, when none is open); a rollback drops it.</summary>
    public void AfterCommit(Action action) => AfterCommitAsync(() =>
    {
        action();
        return Task.CompletedTask;
    }).GetAwaiter().GetResult();

    /// <summary>
    /// Runs <paramref name="work"/> once the current transaction commits, inside the commit call (now, when none is open);
    /// a rollback drops it. The work must not throw: the transaction has committed by then.
    /// </summary>
    public Task AfterCommitAsync(Func<Task> work)
    {
        if (Database.CurrentTransaction is not { } tx)
        {
            return work();
        }
        (afterCommit ??= []).Add((tx.TransactionId, work));
        return Task.CompletedTask;
    }

    internal async Task EndTransactionAsync(Guid transaction, bool committed)
    {
        var queued = afterCommit;
        afterCommit = null;
        if (committed && queued is not null)
        {
            foreach (var (of, work) in queued)
            {
                if (of == transaction)
                {
                    await work();
                }
            }
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<AppUser>(u =>
        {
            u.ToTable("users");
            u.Property(x => x.Tier).HasConversion<string>().HasMaxLength(16);
            u.Property(x => x.TermsVersion).HasMaxLength(32);
            u.Property(x => x.SuspensionReason).HasMaxLength(300);
        });
        builder.Entity<IdentityRole<Guid>>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        builder.ApplyConfigurationsFromAssembly(typeof(AutoMlDbContext).Assembly);
    }
}
