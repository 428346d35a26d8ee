using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Access;
using Registry.Core.Data;
using Registry.Core.Data.Entities;
using Registry.Core.Events;

namespace Gallery.Indexer.Tests.Catalog;

/// <summary>
/// Writes catalog entries straight to the database, as pushes and catalog edits would leave them (repository,
/// publisher registry, one image with its platforms, tags), with the same outbox events, then wakes the indexer.
/// </summary>
public static class CatalogSeeder
{
    public static async Task SeedAsync(IServiceProvider services, IEnumerable<CatalogEntry> entries)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            foreach (var chunk in entries.Chunk(100))
            {
                await SaveAsync(db, chunk);
            }
        }

        services.GetRequiredService<RegistryEventSignal>().Notify();
    }

    /// <summary>Saves the rows and events of <paramref name="entries"/> (inside the caller's transaction, if it has one).</summary>
    public static async Task SaveAsync(RegistryDbContext db, IReadOnlyCollection<CatalogEntry> entries)
    {
        var registries = await RegistriesAsync(db, entries);
        var repositories = entries.ToDictionary(e => e.FullName, e => db.Repositories.Add(new Repository
        {
            Registry = registries[e.Alias],
            Name = e.Name,
            FullName = e.FullName,
            CreatedAt = e.PushedAt.AddDays(-30),
            Description = e.Description,
            AboutText = e.About,
            UsageText = e.Usage,
            PullCount = e.Pulls,
            CatalogUpdatedAt = e.PushedAt,
        }).Entity);
        await db.SaveChangesAsync();

        foreach (var entry in entries)
        {
            db.Events.Add(Event(RegistryEventTypes.RepositoryCreated, entry.FullName));
            if (!entry.HasImage)
            {
                continue;
            }

            var repositoryId = repositories[entry.FullName].Id;
            var digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(entry.FullName + entry.PushedAt.Ticks)));
            var manifest = db.Manifests.Add(new Manifest
            {
                RepositoryId = repositoryId,
                Digest = digest,
                MediaType = "application/vnd.oci.image.index.v1+json",
                PushedAt = entry.PushedAt,
                Platforms = entry.Platforms.Select(p => new ImagePlatform { Os = p.Os, Architecture = p.Architecture }).ToList(),
            }).Entity;
            foreach (var tag in entry.Tags)
            {
                db.Tags.Add(new Tag { RepositoryId = repositoryId, Name = tag, Manifest = manifest, UpdatedAt = entry.PushedAt });
            }

            db.Events.Add(Event(RegistryEventTypes.ImagePushed, entry.FullName, digest));
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    private static async Task<Dictionary<string, PublicRegistry>> RegistriesAsync(RegistryDbContext db, IEnumerable<CatalogEntry> entries)
    {
        var registries = new Dictionary<string, PublicRegistry>(StringComparer.Ordinal);
        foreach (var entry in entries.DistinctBy(e => e.Alias))
        {
            registries[entry.Alias] = await db.Registries.FirstOrDefaultAsync(r => r.Alias == entry.Alias)
                ?? db.Registries.Add(new PublicRegistry
                {
                    RegistryId = RegistryIdentifiers.NewRegistryId(),
                    Alias = entry.Alias,
                    DefaultAlias = entry.Alias,
                    DisplayName = entry.Publisher,
                    Verified = entry.Verified,
                    CreatedAt = entry.PushedAt.AddDays(-60),
                }).Entity;
        }

        return registries;
    }

    private static RegistryEvent Event(string type, string repository, string? digest = null) =>
        new() { Type = type, Repository = repository, Digest = digest, OccurredAt = DateTime.UtcNow };
}
