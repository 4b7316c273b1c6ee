using AutoMl.Infrastructure.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AutoMl.Infrastructure.Events;

internal sealed class JobEventConfiguration : IEntityTypeConfiguration<JobEvent>
{
    public void Configure(EntityTypeBuilder<JobEvent> builder)
    {
        builder.ToTable("job_events");
        builder.HasKey(e => new { e.UserId, e.Seq });
        builder.Property(e => e.Type).HasMaxLength(32);
        builder.Property(e => e.DataJson).HasColumnType("jsonb");
        builder.HasIndex(e => new { e.JobId, e.Seq });
        // The relay's scan: only the few events not yet sent, so the index stays small however long the history.
        builder.HasIndex(e => e.At).HasFilter("sent_at IS NULL");
        builder.HasOne<AppUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EventSequenceConfiguration : IEntityTypeConfiguration<EventSequence>
{
    public void Configure(EntityTypeBuilder<EventSequence> builder)
    {
        builder.ToTable("event_sequences");
        builder.HasKey(e => e.UserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
