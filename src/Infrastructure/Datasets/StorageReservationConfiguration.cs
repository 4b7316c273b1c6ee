using AutoMl.Infrastructure.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AutoMl.Infrastructure.Datasets;

internal sealed class StorageReservationConfiguration : IEntityTypeConfiguration<StorageReservation>
{
    public void Configure(EntityTypeBuilder<StorageReservation> builder)
    {
        builder.ToTable("storage_reservations");
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => r.UserId);
        builder.HasIndex(r => r.ExpiresAt);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
