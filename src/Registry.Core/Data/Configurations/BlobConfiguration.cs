using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Core.Data.Entities;

namespace Registry.Core.Data.Configurations;

internal sealed class BlobConfiguration : IEntityTypeConfiguration<Blob>, IEntityTypeConfiguration<RepositoryBlob>
{
    public void Configure(EntityTypeBuilder<Blob> builder)
    {
        builder.HasKey(b => b.Digest);
        builder.Property(b => b.Digest).HasMaxLength(DataLimits.Digest);
    }

    public void Configure(EntityTypeBuilder<RepositoryBlob> builder)
    {
        builder.HasKey(l => new { l.RepositoryId, l.Digest });
        builder.Property(l => l.Digest).HasMaxLength(DataLimits.Digest);
        builder.HasOne<Repository>().WithMany().HasForeignKey(l => l.RepositoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Blob>().WithMany().HasForeignKey(l => l.Digest).OnDelete(DeleteBehavior.Restrict);
    }
}
