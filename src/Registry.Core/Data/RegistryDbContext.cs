using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Data.Entities;
using Registry.Core.Events;

namespace Registry.Core.Data;

/// <summary>
/// All registry metadata, the Identity accounts and the data-protection keys. Each database provider has a subclass
/// that owns that provider's migrations.
/// </summary>
public abstract class RegistryDbContext(DbContextOptions options) : IdentityDbContext<Account>(options), IDataProtectionKeyContext
{
    public DbSet<PublicRegistry> Registries => Set<PublicRegistry>();

    public DbSet<Repository> Repositories => Set<Repository>();

    public DbSet<Blob> Blobs => Set<Blob>();

    public DbSet<RepositoryBlob> RepositoryBlobs => Set<RepositoryBlob>();

    public DbSet<Manifest> Manifests => Set<Manifest>();

    public DbSet<ManifestReference> ManifestReferences => Set<ManifestReference>();

    public DbSet<ImagePlatform> ImagePlatforms => Set<ImagePlatform>();

    public DbSet<Tag> Tags => Set<Tag>();

    public DbSet<HelmChart> HelmCharts => Set<HelmChart>();

    public DbSet<Attachment> Attachments => Set<Attachment>();

    public DbSet<SbomPackage> SbomPackages => Set<SbomPackage>();

    public DbSet<UploadSession> UploadSessions => Set<UploadSession>();

    public DbSet<RegistryEvent> Events => Set<RegistryEvent>();

    public DbSet<IndexerCheckpoint> IndexerCheckpoints => Set<IndexerCheckpoint>();

    public DbSet<GalleryTotalsRow> GalleryTotals => Set<GalleryTotalsRow>();

    public DbSet<PullRateBucket> PullRateBuckets => Set<PullRateBucket>();

    public DbSet<ResourceTag> ResourceTags => Set<ResourceTag>();

    public DbSet<AccessKey> AccessKeys => Set<AccessKey>();

    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();

    public DbSet<Webhook> Webhooks => Set<Webhook>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<DailyPull> DailyPulls => Set<DailyPull>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The acting account of the scope that rented this (pooled) context; set on every rent.</summary>
    internal EventActor? Actor { get; set; }

    /// <summary>Events were added and their wake is due when they commit (<see cref="OutboxWakeInterceptor"/>).</summary>
    internal bool OutboxWritten { get; set; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RegistryDbContext).Assembly);
    }
}

public sealed class SqliteRegistryDbContext(DbContextOptions<SqliteRegistryDbContext> options) : RegistryDbContext(options);

public sealed class PostgresRegistryDbContext(DbContextOptions<PostgresRegistryDbContext> options) : RegistryDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // Names are listed and paged in byte order, as SQLite and the OCI tags list do; not in the locale's order.
        modelBuilder.Entity<Tag>().Property(t => t.Name).UseCollation("C");
        modelBuilder.Entity<Repository>().Property(r => r.FullName).UseCollation("C");
    }
}
