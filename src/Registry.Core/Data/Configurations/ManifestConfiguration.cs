using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Core.Data.Entities;

namespace Registry.Core.Data.Configurations;

internal sealed class ManifestConfiguration :
    IEntityTypeConfiguration<Manifest>, IEntityTypeConfiguration<ManifestReference>, IEntityTypeConfiguration<ImagePlatform>
{
    public void Configure(EntityTypeBuilder<Manifest> builder)
    {
        builder.Property(m => m.Digest).HasMaxLength(DataLimits.Digest);
        builder.Property(m => m.MediaType).HasMaxLength(DataLimits.MediaType);
        builder.Property(m => m.ArtifactType).HasMaxLength(DataLimits.MediaType);
        builder.Property(m => m.SubjectDigest).HasMaxLength(DataLimits.Digest);
        builder.HasIndex(m => new { m.RepositoryId, m.Digest }).IsUnique();
        builder.HasIndex(m => new { m.RepositoryId, m.SubjectDigest });
        builder.HasOne<Repository>().WithMany().HasForeignKey(m => m.RepositoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.References).WithOne().HasForeignKey(r => r.ManifestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Platforms).WithOne().HasForeignKey(p => p.ManifestId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ManifestReference> builder)
    {
        builder.HasKey(r => new { r.ManifestId, r.Digest, r.Kind });
        builder.Property(r => r.Digest).HasMaxLength(DataLimits.Digest);
        builder.HasIndex(r => r.Digest);
    }

    public void Configure(EntityTypeBuilder<ImagePlatform> builder)
    {
        builder.Property(p => p.ChildDigest).HasMaxLength(DataLimits.Digest);
        builder.Property(p => p.Os).HasMaxLength(64);
        builder.Property(p => p.Architecture).HasMaxLength(64);
        builder.Property(p => p.Variant).HasMaxLength(64);
        builder.Property(p => p.OsVersion).HasMaxLength(128);
    }
}
