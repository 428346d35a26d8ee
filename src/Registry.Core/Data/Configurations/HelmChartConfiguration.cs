using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Core.Charts;
using Registry.Core.Data.Entities;

namespace Registry.Core.Data.Configurations;

internal sealed class HelmChartConfiguration : IEntityTypeConfiguration<HelmChart>
{
    public void Configure(EntityTypeBuilder<HelmChart> builder)
    {
        builder.HasKey(c => c.ManifestId);
        builder.HasOne<Manifest>().WithOne(m => m.Chart).HasForeignKey<HelmChart>(c => c.ManifestId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Name).HasMaxLength(HelmChartConfigReader.MaxNameLength);
        builder.Property(c => c.Version).HasMaxLength(HelmChartConfigReader.MaxVersionLength);
        builder.Property(c => c.AppVersion).HasMaxLength(HelmChartConfigReader.MaxVersionLength);
        builder.Property(c => c.Description).HasMaxLength(HelmChartConfigReader.MaxDescriptionLength);
        builder.Property(c => c.Problem).HasMaxLength(256);
    }
}
