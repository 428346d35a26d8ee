using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Core.Data.Entities;

namespace Registry.Core.Data.Configurations;

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>, IEntityTypeConfiguration<SbomPackage>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.Property(a => a.SubjectDigest).HasMaxLength(DataLimits.Digest);
        builder.Property(a => a.Tag).HasMaxLength(128);
        builder.Property(a => a.LayerDigest).HasMaxLength(DataLimits.Digest);
        builder.Property(a => a.MediaType).HasMaxLength(DataLimits.MediaType);
        builder.Property(a => a.ArtifactType).HasMaxLength(DataLimits.MediaType);
        builder.Property(a => a.Format).HasMaxLength(64);
        builder.Property(a => a.PredicateType).HasMaxLength(DataLimits.AttachmentText);
        builder.Property(a => a.Signer).HasMaxLength(DataLimits.AttachmentText);
        builder.Property(a => a.Generator).HasMaxLength(DataLimits.AttachmentText);
        builder.Property(a => a.Problem).HasMaxLength(DataLimits.AttachmentText);
        builder.HasIndex(a => new { a.RepositoryId, a.SubjectDigest });
        builder.HasIndex(a => a.ManifestId);
        builder.HasIndex(a => new { a.State, a.ClaimedUntil });
        builder.HasOne<Repository>().WithMany().HasForeignKey(a => a.RepositoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Manifest).WithMany().HasForeignKey(a => a.ManifestId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<SbomPackage> builder)
    {
        builder.HasKey(p => new { p.AttachmentId, p.Ordinal });
        builder.Property(p => p.Name).HasMaxLength(DataLimits.PackageName);
        builder.Property(p => p.Version).HasMaxLength(DataLimits.PackageVersion);
        builder.Property(p => p.License).HasMaxLength(DataLimits.AttachmentText);
        builder.Property(p => p.Purl).HasMaxLength(DataLimits.Purl);
        builder.HasIndex(p => p.Name);
        builder.HasOne<Attachment>().WithMany().HasForeignKey(p => p.AttachmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
