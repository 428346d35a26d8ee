using Microsoft.EntityFrameworkCore;
using Registry.Core.Data;
using Registry.Core.Data.Entities;

namespace Gallery.Bench.Suites.Search;

/// <summary>Writes generated repositories to a migrated database through EF Core, in batches, as pushes would leave them.</summary>
public static class CatalogLoader
{
    public static async Task LoadAsync(Func<RegistryDbContext> contexts, IReadOnlyList<GeneratedRepository> repositories, CancellationToken cancellationToken)
    {
        Dictionary<string, long> registryIds;
        await using (var db = contexts())
        {
            var registries = repositories.DistinctBy(r => r.Alias).Select((r, i) => new PublicRegistry
            {
                RegistryId = (100000000000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Alias = r.Alias,
                DefaultAlias = r.Alias,
                DisplayName = r.Publisher,
                Verified = r.Verified,
                CreatedAt = DateTime.UtcNow,
            }).ToList();
            db.Registries.AddRange(registries);
            await db.SaveChangesAsync(cancellationToken);
            registryIds = registries.ToDictionary(r => r.Alias, r => r.Id);
        }

        foreach (var chunk in repositories.Chunk(2000))
        {
            await using var db = contexts();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var rows = chunk.Select(r => new Repository
            {
                RegistryKey = registryIds[r.Alias],
                Name = r.Name,
                FullName = r.FullName,
                CreatedAt = r.PushedAt.AddDays(-10),
                Description = r.Description,
                AboutText = r.About,
                UsageText = r.Usage,
                Architectures = [.. r.Architectures],
                OperatingSystems = [.. r.OperatingSystems],
                PullCount = r.Pulls,
            }).ToList();
            db.Repositories.AddRange(rows);
            await db.SaveChangesAsync(cancellationToken);

            for (var i = 0; i < chunk.Length; i++)
            {
                var manifest = new Manifest
                {
                    RepositoryId = rows[i].Id,
                    Digest = $"sha256:{rows[i].Id:x64}",
                    MediaType = "application/vnd.oci.image.index.v1+json",
                    PushedAt = chunk[i].PushedAt,
                    Platforms = [.. chunk[i].Platforms.Select(p => new ImagePlatform { Os = p.Os, Architecture = p.Architecture })],
                };
                db.Manifests.Add(manifest);
                db.Tags.AddRange(chunk[i].Tags.Select(t => new Tag { RepositoryId = rows[i].Id, Name = t, Manifest = manifest, UpdatedAt = chunk[i].PushedAt }));
            }

            await db.SaveChangesAsync(cancellationToken);
            var sboms = AddSboms(db, chunk, rows);
            await db.SaveChangesAsync(cancellationToken);
            db.SbomPackages.AddRange(sboms.SelectMany(s => s.Packages.Select((p, ordinal) => new SbomPackage
            {
                AttachmentId = s.Attachment.Id,
                Ordinal = ordinal,
                Name = p.Name,
                Version = p.Version,
            })));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>An SPDX SBOM attached as a referrer to the image of each repository that has packages, already read.</summary>
    private static List<(Attachment Attachment, (string Name, string Version)[] Packages)> AddSboms(RegistryDbContext db, GeneratedRepository[] chunk, List<Repository> rows)
    {
        var added = new List<(Attachment, (string, string)[])>();
        for (var i = 0; i < chunk.Length; i++)
        {
            if (chunk[i].Packages.Length == 0)
            {
                continue;
            }

            var subject = $"sha256:{rows[i].Id:x64}";
            var carrier = new Manifest
            {
                RepositoryId = rows[i].Id,
                Digest = $"sha256:{rows[i].Id + (1L << 40):x64}",
                MediaType = "application/vnd.oci.image.manifest.v1+json",
                ArtifactType = "application/spdx+json",
                SubjectDigest = subject,
                PushedAt = chunk[i].PushedAt,
            };
            db.Manifests.Add(carrier);
            var attachment = new Attachment
            {
                RepositoryId = rows[i].Id,
                SubjectDigest = subject,
                Manifest = carrier,
                Source = AttachmentSource.Referrer,
                MediaType = "application/spdx+json",
                ArtifactType = "application/spdx+json",
                Kind = AttachmentKind.Sbom,
                Format = "SPDX-2.3",
                Generator = "syft-1.0.0",
                PushedAt = chunk[i].PushedAt,
                State = AttachmentState.Readable,
                PackageCount = chunk[i].Packages.Length,
            };
            db.Attachments.Add(attachment);
            added.Add((attachment, chunk[i].Packages));
        }

        return added;
    }
}
