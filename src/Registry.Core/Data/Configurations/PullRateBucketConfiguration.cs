using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Core.Data.Entities;

namespace Registry.Core.Data.Configurations;

internal sealed class PullRateBucketConfiguration : IEntityTypeConfiguration<PullRateBucket>
{
    public void Configure(EntityTypeBuilder<PullRateBucket> builder)
    {
        builder.HasKey(b => b.Key);
        builder.Property(b => b.Key).HasMaxLength(128);
    }
}
