using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Charts;
using Registry.Core.Attachments;
using Registry.Core.Data;
using Registry.Core.Data.Entities;
using Registry.Core.Diagnostics;
using Registry.Core.Events;
using Registry.Core.Oci;
using Registry.Core.Repositories.Public;
using Registry.Core.Storage;

namespace Registry.Core.Repositories;

/// <summary>Stores, serves and deletes manifests and the tags that point at them. Every change writes its event in the same transaction.</summary>
public sealed class ManifestService(
    RegistryDbContext db,
    IBlobStore store,
    ManifestContentCache cache,
    ManifestPlatforms platforms,
    HelmChartInspector charts,
    RepositoryService repositories,
    RegistryMetrics metrics,
    AttachmentRecorder attachments)
{
    public async Task<ManifestContent> GetAsync(RepositoryName name, ManifestRef reference, CancellationToken cancellationToken)
    {
        var row = await FindAsync(name, reference, cancellationToken);
        if (row is null)
        {
            await repositories.GetIdAsync(name, cancellationToken);
            throw ManifestUnknown(reference);
        }

        var digest = Digest.Parse(row.Digest);
        var content = await cache.GetAsync(digest, cancellationToken) ?? throw ManifestUnknown(reference);
        return new ManifestContent(digest, row.MediaType, content);
    }

    /// <summary>Validates and stores a manifest, moving the tag when the reference is one.</summary>
    public async Task<PushedManifest> PutAsync(RepositoryName name, ManifestRef reference, byte[] content, string? contentType, CancellationToken cancellationToken)
    {
        var manifest = ManifestParser.Parse(content, contentType);
        var digest = Digest.Compute(content, reference.Digest?.Algorithm ?? Digest.Sha256);
        if (reference.Digest is { } claimed && claimed != digest)
        {
            throw new RegistryException(OciErrorCode.DigestInvalid, $"the manifest's digest is {digest}, not {claimed}", new { claimed = claimed.ToString(), actual = digest.ToString() });
        }

        var repositoryId = await repositories.GetForPushAsync(name, cancellationToken);
        var digestText = digest.ToString();

        // Re-tagging a manifest the repository already has needs no validation of its references or platforms.
        var description = await db.Manifests.AnyAsync(m => m.RepositoryId == repositoryId && m.Digest == digestText, cancellationToken)
            ? null
            : await PrepareAsync(repositoryId, manifest, digest, content, cancellationToken);

        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await SaveAsync(name, repositoryId, reference.Tag, digest, manifest, content.Length, description, cancellationToken);
                metrics.ManifestPushed();
                return new PushedManifest(digest, manifest.Subject?.Digest);
            }
            catch (ManifestVanishedException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
                description = await PrepareAsync(repositoryId, manifest, digest, content, cancellationToken);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // A concurrent push of the same manifest or tag won the insert; apply ours on top of it.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Checks what a new manifest references, works out its platforms (or its chart) and stores its bytes.</summary>
    private async Task<Prepared> PrepareAsync(long repositoryId, ParsedManifest manifest, Digest digest, byte[] content, CancellationToken cancellationToken)
    {
        await EnsureReferencesExistAsync(repositoryId, manifest, cancellationToken);
        var description = await platforms.DescribeAsync(repositoryId, manifest, cancellationToken);
        var chart = await charts.InspectAsync(repositoryId, manifest, cancellationToken);
        await store.PutAsync(digest, content, cancellationToken);
        cache.Add(digest, content);
        return new Prepared(description, chart);
    }

    public async Task DeleteAsync(RepositoryName name, ManifestRef reference, CancellationToken cancellationToken)
    {
        var repositoryId = await repositories.GetIdAsync(name, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (reference.Tag is { } tag)
        {
            var row = await db.Tags.Include(t => t.Manifest).FirstOrDefaultAsync(t => t.RepositoryId == repositoryId && t.Name == tag, cancellationToken)
                ?? throw ManifestUnknown(reference);
            db.Tags.Remove(row);
            await attachments.TagRemovedAsync(repositoryId, tag, cancellationToken);
            db.AddEvent(RegistryEventTypes.TagDeleted, name.FullName, row.Manifest.Digest, tag);
        }
        else
        {
            var digestText = reference.Digest!.Value.ToString();
            var manifest = await db.Manifests.FirstOrDefaultAsync(m => m.RepositoryId == repositoryId && m.Digest == digestText, cancellationToken)
                ?? throw ManifestUnknown(reference);
            await db.Tags.Where(t => t.ManifestId == manifest.Id).ExecuteDeleteAsync(cancellationToken);
            db.Manifests.Remove(manifest);
            db.AddEvent(RegistryEventTypes.ImageDeleted, name.FullName, digestText);
        }

        await db.SaveChangesAsync(cancellationToken);
        await PublicCounts.RecountRepositoryAsync(db, repositoryId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    public static RegistryException ManifestUnknown(ManifestRef reference) =>
        new(OciErrorCode.ManifestUnknown, $"manifest '{reference}' is not in this repository", new { reference = reference.ToString() });

    private Task<ManifestRow?> FindAsync(RepositoryName name, ManifestRef reference, CancellationToken cancellationToken)
    {
        if (reference.Tag is { } tag)
        {
            return (from t in db.Tags
                    join r in db.Repositories on t.RepositoryId equals r.Id
                    where r.FullName == name.FullName && t.Name == tag
                    select new ManifestRow(t.Manifest.Digest, t.Manifest.MediaType)).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        }

        var digest = reference.Digest!.Value.ToString();
        return (from m in db.Manifests
                join r in db.Repositories on m.RepositoryId equals r.Id
                where r.FullName == name.FullName && m.Digest == digest
                select new ManifestRow(m.Digest, m.MediaType)).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Every blob and child manifest referenced is in the repository, with the size its descriptor says.</summary>
    private async Task EnsureReferencesExistAsync(long repositoryId, ParsedManifest manifest, CancellationToken cancellationToken)
    {
        var blobDigests = manifest.RequiredBlobs.Select(d => d.Digest.ToString()).Distinct().ToList();
        if (blobDigests.Count > 0)
        {
            var present = await (from l in db.RepositoryBlobs
                                 join b in db.Blobs on l.Digest equals b.Digest
                                 where l.RepositoryId == repositoryId && blobDigests.Contains(l.Digest)
                                 select new { l.Digest, b.Size }).AsNoTracking().ToDictionaryAsync(x => x.Digest, x => x.Size, cancellationToken);
            if (blobDigests.Except(present.Keys).FirstOrDefault() is { } missing)
            {
                throw new RegistryException(OciErrorCode.ManifestBlobUnknown,
                    $"the manifest references blob {missing}, which is not in this repository; push the blob first", new { digest = missing });
            }

            EnsureSizesMatch(manifest.RequiredBlobs, present, "blob");
        }

        var childDigests = manifest.Manifests.Select(d => d.Digest.ToString()).Distinct().ToList();
        if (childDigests.Count > 0)
        {
            var present = await db.Manifests.AsNoTracking()
                .Where(m => m.RepositoryId == repositoryId && childDigests.Contains(m.Digest))
                .ToDictionaryAsync(m => m.Digest, m => m.Size, cancellationToken);
            if (childDigests.Except(present.Keys).FirstOrDefault() is { } missing)
            {
                // The spec's code for any missing reference, child manifests included (as Distribution answers).
                throw new RegistryException(OciErrorCode.ManifestBlobUnknown,
                    $"the index references manifest {missing}, which is not in this repository; push it first", new { digest = missing });
            }

            EnsureSizesMatch(manifest.Manifests, present, "manifest");
        }
    }

    /// <summary>A descriptor's size must be the stored content's: clients that check sizes could not pull the image otherwise.</summary>
    private static void EnsureSizesMatch(IEnumerable<Descriptor> descriptors, Dictionary<string, long> storedSizes, string what)
    {
        foreach (var descriptor in descriptors)
        {
            var stored = storedSizes[descriptor.Digest.ToString()];
            if (descriptor.Size != stored)
            {
                throw new RegistryException(OciErrorCode.ManifestInvalid,
                    $"the descriptor of {what} {descriptor.Digest} says {descriptor.Size} bytes, but the stored {what} has {stored}",
                    new { digest = descriptor.Digest.ToString(), declared = descriptor.Size, stored });
            }
        }
    }

    /// <param name="description">Null when the manifest was already stored; if it vanished meanwhile, <see cref="ManifestVanishedException"/>.</param>
    private async Task SaveAsync(RepositoryName name, long repositoryId, string? tag, Digest digest, ParsedManifest parsed, int size,
        Prepared? description, CancellationToken cancellationToken)
    {
        var digestText = digest.ToString();
        var now = DateTime.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var manifest = await db.Manifests.FirstOrDefaultAsync(m => m.RepositoryId == repositoryId && m.Digest == digestText, cancellationToken);
        var added = manifest is null;
        if (manifest is null)
        {
            if (description is null)
            {
                throw new ManifestVanishedException();
            }

            manifest = NewManifest(repositoryId, digestText, parsed, size, description, now);
            db.Manifests.Add(manifest);
            await attachments.ManifestAddedAsync(repositoryId, manifest, parsed, now, cancellationToken);
            db.AddEvent(RegistryEventTypes.ImagePushed, name.FullName, digestText, tag, now);
        }

        if (tag is not null)
        {
            var existing = await db.Tags.Include(t => t.Manifest).FirstOrDefaultAsync(t => t.RepositoryId == repositoryId && t.Name == tag, cancellationToken);
            if (existing is null)
            {
                db.Tags.Add(new Tag { RepositoryId = repositoryId, Name = tag, Manifest = manifest, UpdatedAt = now });
                added = true;
                await attachments.TagSetAsync(repositoryId, tag, manifest, parsed, now, cancellationToken);
                db.AddEvent(RegistryEventTypes.TagUpdated, name.FullName, digestText, tag, now);
            }
            else if (existing.Manifest.Digest != digestText)
            {
                existing.Manifest = manifest;
                existing.UpdatedAt = now;
                await attachments.TagSetAsync(repositoryId, tag, manifest, parsed, now, cancellationToken);
                db.AddEvent(RegistryEventTypes.TagUpdated, name.FullName, digestText, tag, now);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        if (added)
        {
            await PublicCounts.RecountRepositoryAsync(db, repositoryId, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private static Manifest NewManifest(long repositoryId, string digest, ParsedManifest parsed, int size, Prepared prepared, DateTime now)
    {
        var description = prepared.Description;
        var manifest = new Manifest
        {
            RepositoryId = repositoryId,
            Digest = digest,
            MediaType = parsed.MediaType,
            ArtifactType = parsed.EffectiveArtifactType,
            Size = size,
            ImageSize = description.ImageSize,
            SubjectDigest = parsed.Subject?.Digest.ToString(),
            AnnotationsJson = parsed.Annotations is null ? null : JsonSerializer.Serialize(parsed.Annotations),
            PushedAt = now,
            Platforms = description.Platforms,
            Chart = prepared.Chart,
        };
        if (parsed.Config is { } config)
        {
            manifest.References.Add(new Data.Entities.ManifestReference { Digest = config.Digest.ToString(), Kind = ReferenceKind.Config });
        }

        foreach (var layer in parsed.Layers.DistinctBy(l => l.Digest))
        {
            manifest.References.Add(new Data.Entities.ManifestReference { Digest = layer.Digest.ToString(), Kind = ReferenceKind.Layer });
        }

        foreach (var child in parsed.Manifests.DistinctBy(m => m.Digest))
        {
            manifest.References.Add(new Data.Entities.ManifestReference { Digest = child.Digest.ToString(), Kind = ReferenceKind.Manifest });
        }

        return manifest;
    }

    private sealed record ManifestRow(string Digest, string MediaType);

    /// <summary>What a new manifest's row is made of besides the manifest itself.</summary>
    private sealed record Prepared(ManifestPlatforms.Result Description, HelmChart? Chart);

    /// <summary>A manifest taken as already stored was deleted before the tag could point at it.</summary>
    private sealed class ManifestVanishedException : Exception;
}
