using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Core.Data.Entities;

namespace Registry.Core.Data.Configurations;

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> builder)
    {
        builder.HasKey(t => new { t.RepositoryId, t.Name });
        builder.Property(t => t.Name).HasMaxLength(128);
        builder.HasOne<Repository>().WithMany().HasForeignKey(t => t.RepositoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(t => t.Manifest).WithMany().HasForeignKey(t => t.ManifestId).OnDelete(DeleteBehavior.Cascade);
    }
}
