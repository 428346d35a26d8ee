using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Core.Data.Entities;

namespace Registry.Core.Data.Configurations;

internal sealed class RepositoryConfiguration : IEntityTypeConfiguration<Repository>
{
    public void Configure(EntityTypeBuilder<Repository> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(205);
        builder.Property(r => r.FullName).HasMaxLength(256);
        builder.HasIndex(r => r.FullName).IsUnique();
        builder.HasOne(r => r.Registry).WithMany(r => r.Repositories).HasForeignKey(r => r.RegistryId).OnDelete(DeleteBehavior.Cascade);
    }
}
