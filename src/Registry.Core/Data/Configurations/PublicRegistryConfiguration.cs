using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Core.Data.Entities;

namespace Registry.Core.Data.Configurations;

internal sealed class PublicRegistryConfiguration : IEntityTypeConfiguration<PublicRegistry>
{
    public void Configure(EntityTypeBuilder<PublicRegistry> builder)
    {
        builder.ToTable("Registries");
        builder.Property(r => r.Alias).HasMaxLength(50);
        builder.HasIndex(r => r.Alias).IsUnique();
        builder.Property(r => r.DisplayName).HasMaxLength(100);
    }
}
