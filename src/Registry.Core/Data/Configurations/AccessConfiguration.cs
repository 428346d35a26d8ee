using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Core.Data.Entities;

namespace Registry.Core.Data.Configurations;

internal sealed class AccessConfiguration : IEntityTypeConfiguration<AccessKey>, IEntityTypeConfiguration<SigningKey>
{
    public void Configure(EntityTypeBuilder<AccessKey> builder)
    {
        builder.Property(k => k.Id).HasMaxLength(128);
        builder.Property(k => k.Description).HasMaxLength(256);
        builder.HasOne(k => k.Account).WithMany().HasForeignKey(k => k.AccountId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<SigningKey> builder) => builder.Property(k => k.Id).HasMaxLength(64);
}
