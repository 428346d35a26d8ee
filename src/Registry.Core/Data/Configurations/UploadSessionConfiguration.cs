using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Core.Data.Entities;

namespace Registry.Core.Data.Configurations;

internal sealed class UploadSessionConfiguration : IEntityTypeConfiguration<UploadSession>
{
    public void Configure(EntityTypeBuilder<UploadSession> builder)
    {
        builder.Property(u => u.RepositoryName).HasMaxLength(256);
        builder.HasIndex(u => u.UpdatedAt);
    }
}
