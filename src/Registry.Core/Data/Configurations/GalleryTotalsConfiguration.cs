using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Core.Data.Entities;

namespace Registry.Core.Data.Configurations;

internal sealed class GalleryTotalsConfiguration : IEntityTypeConfiguration<GalleryTotalsRow>
{
    public void Configure(EntityTypeBuilder<GalleryTotalsRow> builder)
    {
        builder.ToTable("GalleryTotals");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.HasData(new GalleryTotalsRow { Id = GalleryTotalsRow.SingleId });
    }
}
