using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Core.Data.Entities;

namespace Registry.Core.Data.Configurations;

internal sealed class RepositoryConfiguration : IEntityTypeConfiguration<Repository>, IEntityTypeConfiguration<ResourceTag>
{
    public void Configure(EntityTypeBuilder<Repository> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(205);
        builder.Property(r => r.FullName).HasMaxLength(256);
        builder.HasIndex(r => r.FullName).IsUnique();
        builder.HasOne(r => r.Registry).WithMany(r => r.Repositories).HasForeignKey(r => r.RegistryKey).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.RegistryKey).HasColumnName("RegistryId");
        builder.Property(r => r.Description).HasMaxLength(1024);
        builder.Property(r => r.LogoDigest).HasMaxLength(DataLimits.Digest);
        builder.Property(r => r.LogoMediaType).HasMaxLength(64);
        builder.HasMany(r => r.ResourceTags).WithOne().HasForeignKey(t => t.RepositoryId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ResourceTag> builder)
    {
        builder.HasKey(t => new { t.RepositoryId, t.Key });
        builder.Property(t => t.Key).HasMaxLength(128);
        builder.Property(t => t.Value).HasMaxLength(256);
    }
}
