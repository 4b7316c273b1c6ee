using AutoMl.Infrastructure.Accounts;
using AutoMl.Infrastructure.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AutoMl.Infrastructure.Registry;

internal sealed class RegisteredModelConfiguration : IEntityTypeConfiguration<RegisteredModel>
{
    public void Configure(EntityTypeBuilder<RegisteredModel> builder)
    {
        builder.ToTable("registered_models");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Name).HasMaxLength(64);
        builder.Property(r => r.Description).HasMaxLength(2000);
        builder.Property(r => r.Task).HasMaxLength(16);
        builder.Property(r => r.Target).HasMaxLength(300);
        builder.Property(r => r.InputColumnsJson).HasColumnType("jsonb");
        builder.HasIndex(r => new { r.UserId, r.Name }).IsUnique();
        builder.HasIndex(r => new { r.UserId, r.CreatedAt });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ModelVersionConfiguration : IEntityTypeConfiguration<ModelVersion>
{
    public void Configure(EntityTypeBuilder<ModelVersion> builder)
    {
        builder.ToTable("model_versions");
        builder.HasKey(v => new { v.RegisteredModelId, v.Version });
        builder.Property(v => v.Description).HasMaxLength(2000);
        builder.Property(v => v.Source).HasMaxLength(16);
        builder.HasIndex(v => v.ModelId);
        builder.HasOne<RegisteredModel>().WithMany().HasForeignKey(v => v.RegisteredModelId).OnDelete(DeleteBehavior.Cascade);
        // No action, checked at the end of the statement: deleting a version's model alone is refused (the API says
        // so first), while deleting the account removes both in one cascade.
        builder.HasOne<Model>().WithMany().HasForeignKey(v => v.ModelId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class ModelAliasConfiguration : IEntityTypeConfiguration<ModelAlias>
{
    public void Configure(EntityTypeBuilder<ModelAlias> builder)
    {
        builder.ToTable("model_aliases");
        builder.HasKey(a => new { a.RegisteredModelId, a.Alias });
        builder.Property(a => a.Alias).HasMaxLength(32);
        builder.HasOne<ModelVersion>().WithMany().HasForeignKey(a => new { a.RegisteredModelId, a.Version }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AliasMoveConfiguration : IEntityTypeConfiguration<AliasMove>
{
    public void Configure(EntityTypeBuilder<AliasMove> builder)
    {
        builder.ToTable("alias_moves");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).UseIdentityAlwaysColumn();
        builder.Property(m => m.Alias).HasMaxLength(32);
        builder.Property(m => m.Actor).HasMaxLength(300);
        builder.Property(m => m.Reason).HasMaxLength(500);
        builder.HasIndex(m => new { m.RegisteredModelId, m.Alias, m.Id });
        builder.HasOne<RegisteredModel>().WithMany().HasForeignKey(m => m.RegisteredModelId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ServingEndpointConfiguration : IEntityTypeConfiguration<ServingEndpoint>
{
    public void Configure(EntityTypeBuilder<ServingEndpoint> builder)
    {
        builder.ToTable("endpoints");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Name).HasMaxLength(64);
        builder.Property(e => e.Description).HasMaxLength(2000);
        builder.Property(e => e.Alias).HasMaxLength(32);
        builder.Property(e => e.ChallengerAlias).HasMaxLength(32);
        builder.Property(e => e.ChallengerMode).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(e => new { e.UserId, e.Name }).IsUnique();
        builder.HasIndex(e => new { e.UserId, e.CreatedAt });
        builder.HasIndex(e => e.RegisteredModelId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        // An endpoint keeps its registered model from being deleted under it (the API names the endpoint).
        builder.HasOne<RegisteredModel>().WithMany().HasForeignKey(e => e.RegisteredModelId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class MonitorWindowConfiguration : IEntityTypeConfiguration<MonitorWindow>
{
    public void Configure(EntityTypeBuilder<MonitorWindow> builder)
    {
        builder.ToTable("monitor_windows");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.FeaturesJson).HasColumnType("jsonb");
        builder.HasIndex(w => new { w.EndpointId, w.Start }).IsUnique();
        builder.HasOne<ServingEndpoint>().WithMany().HasForeignKey(w => w.EndpointId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EndpointAlertConfiguration : IEntityTypeConfiguration<EndpointAlert>
{
    public void Configure(EntityTypeBuilder<EndpointAlert> builder)
    {
        builder.ToTable("endpoint_alerts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Kind).HasMaxLength(16);
        builder.Property(a => a.Feature).HasMaxLength(300);
        builder.Property(a => a.Message).HasMaxLength(1000);
        builder.HasIndex(a => new { a.EndpointId, a.WindowStart, a.Kind, a.Feature }).IsUnique();
        builder.HasIndex(a => new { a.UserId, a.CreatedAt });
        builder.HasOne<ServingEndpoint>().WithMany().HasForeignKey(a => a.EndpointId).OnDelete(DeleteBehavior.Cascade);
    }
}
