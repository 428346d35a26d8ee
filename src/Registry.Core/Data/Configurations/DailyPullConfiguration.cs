using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Core.Data.Entities;

namespace Registry.Core.Data.Configurations;

internal sealed class DailyPullConfiguration : IEntityTypeConfiguration<DailyPull>
{
    public void Configure(EntityTypeBuilder<DailyPull> builder)
    {
        builder.ToTable("DailyPulls");
        builder.HasKey(p => new { p.RepositoryId, p.Tag, p.Day });
        builder.Property(p => p.Tag).HasMaxLength(128);
        builder.HasOne<Repository>().WithMany().HasForeignKey(p => p.RepositoryId).OnDelete(DeleteBehavior.Cascade);
    }
}
