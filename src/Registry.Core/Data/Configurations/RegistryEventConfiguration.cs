using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Core.Data.Entities;

namespace Registry.Core.Data.Configurations;

internal sealed class RegistryEventConfiguration : IEntityTypeConfiguration<RegistryEvent>
{
    public void Configure(EntityTypeBuilder<RegistryEvent> builder)
    {
        builder.ToTable("Events");
        builder.Property(e => e.Type).HasMaxLength(64);
        builder.Property(e => e.Repository).HasMaxLength(256);
        builder.Property(e => e.Digest).HasMaxLength(DataLimits.Digest);
        builder.Property(e => e.Tag).HasMaxLength(128);
        builder.Property(e => e.Actor).HasMaxLength(DataLimits.Actor);
    }
}
