using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AutoMl.Infrastructure.Credits;

internal sealed class ReconciliationRunConfiguration : IEntityTypeConfiguration<ReconciliationRun>
{
    public void Configure(EntityTypeBuilder<ReconciliationRun> builder)
    {
        builder.ToTable("reconciliation_runs");
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => r.RanAt);
        builder.HasMany(r => r.Drift).WithOne().HasForeignKey(d => d.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReconciliationDriftConfiguration : IEntityTypeConfiguration<ReconciliationDrift>
{
    public void Configure(EntityTypeBuilder<ReconciliationDrift> builder)
    {
        builder.ToTable("reconciliation_drift");
        // No foreign key to the account: the record of a drift outlives the account it was found on.
        builder.HasKey(d => new { d.RunId, d.UserId });
    }
}
