using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Core.Data.Entities;

namespace Registry.Core.Data.Configurations;

internal sealed class PublicRegistryConfiguration : IEntityTypeConfiguration<PublicRegistry>
{
    public void Configure(EntityTypeBuilder<PublicRegistry> builder)
    {
        builder.ToTable("Registries");
        builder.Property(r => r.RegistryId).HasMaxLength(12);
        builder.HasIndex(r => r.RegistryId).IsUnique();
        builder.Property(r => r.Alias).HasMaxLength(50);
        builder.HasIndex(r => r.Alias).IsUnique();
        builder.Property(r => r.DefaultAlias).HasMaxLength(50);
        builder.Property(r => r.DisplayName).HasMaxLength(100);
        builder.Property(r => r.LogoDigest).HasMaxLength(DataLimits.Digest);
        builder.Property(r => r.LogoMediaType).HasMaxLength(64);
        builder.HasIndex(r => new { r.Verified, r.PublicRepositoryCount });
        builder.HasOne(r => r.Owner).WithOne().HasForeignKey<PublicRegistry>(r => r.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }
}
