using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Core.Data.Entities;

namespace Registry.Core.Data.Configurations;

internal sealed class WebhookConfiguration : IEntityTypeConfiguration<Webhook>, IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<Webhook> builder)
    {
        builder.HasOne(w => w.Registry).WithMany().HasForeignKey(w => w.RegistryKey).OnDelete(DeleteBehavior.Cascade);
        builder.Property(w => w.RegistryKey).HasColumnName("RegistryId");
        builder.Property(w => w.RepositoryName).HasMaxLength(205);
        builder.Property(w => w.Url).HasMaxLength(DataLimits.WebhookUrl);
        builder.HasIndex(w => w.RegistryKey);
    }

    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.HasOne<Webhook>().WithMany().HasForeignKey(d => d.WebhookId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.DeliveryId).HasMaxLength(36);
        builder.Property(d => d.Event).HasMaxLength(64);
        builder.Property(d => d.Repository).HasMaxLength(256);
        builder.Property(d => d.LastResponse).HasMaxLength(DataLimits.WebhookResponseExcerpt);
        // An event is queued once per webhook, however many nodes (or restarts) read it.
        builder.HasIndex(d => new { d.WebhookId, d.EventId }).IsUnique();
        builder.HasIndex(d => new { d.State, d.NextAttemptAt });
    }
}
