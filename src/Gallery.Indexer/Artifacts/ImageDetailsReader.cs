using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Registry.Core;
using Registry.Core.Data;
using Registry.Core.Data.Entities;
using Registry.Core.Oci;
using Registry.Core.Repositories;
using Registry.Core.Repositories.Public;
using Registry.Core.Storage;

namespace Gallery.Indexer.Artifacts;

/// <summary>
/// The image page's reads: one manifest of a public repository with its tags, platforms, layers, config and
/// attachments (read at push; only the small manifest and config blobs are read here), and SBOM packages paged in the database.
/// </summary>
public sealed class ImageDetailsReader(RegistryDbContext db, ManifestContentCache manifests, IBlobStore store, IOptions<RegistryOptions> options) : IImageDetailsReader
{
    public const int MaxPackagePageSize = 200;

    public async Task<ImageDetails?> GetAsync(string fullName, string digest, CancellationToken cancellationToken = default)
    {
        if (!Digest.TryParse(digest, out var parsedDigest, out _))
        {
            return null;
        }

        var manifest = await (from m in db.Manifests.AsNoTracking()
                              join r in db.VisibleRepositories() on m.RepositoryId equals r.Id
                              where r.FullName == fullName && m.Digest == digest
                              select m).FirstOrDefaultAsync(cancellationToken);
        if (manifest is null)
        {
            return null;
        }

        var tags = await db.Tags.AsNoTracking().Where(t => t.ManifestId == manifest.Id).OrderBy(t => t.Name).Select(t => t.Name).ToListAsync(cancellationToken);
        var platforms = await db.ImagePlatforms.AsNoTracking().Where(p => p.ManifestId == manifest.Id).OrderBy(p => p.Id)
            .Select(p => new ImagePlatformEntry(p.Os, p.Architecture, p.Variant, p.ChildDigest, p.Size)).ToListAsync(cancellationToken);
        var parsed = await ParseAsync(parsedDigest, manifest.MediaType, cancellationToken);
        var layers = parsed?.Layers.Select(l => new ImageLayerEntry(l.MediaType, l.Digest.ToString(), l.Size)).ToList() ?? [];
        var config = parsed?.Config is { } c && MediaTypes.IsImageConfig(c.MediaType) ? await ReadConfigAsync(c, cancellationToken) : null;
        var attachments = await AttachmentsAsync(manifest, platforms, cancellationToken);
        return new ImageDetails(fullName, manifest.Digest, manifest.MediaType, manifest.ArtifactType, manifest.Size, manifest.ImageSize,
            DateTime.SpecifyKind(manifest.PushedAt, DateTimeKind.Utc), tags, platforms, layers, config, attachments, manifest.SubjectDigest);
    }

    public async Task<PackagePage> GetPackagesAsync(string fullName, long attachmentId, string? filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPackagePageSize);
        page = Math.Max(1, page);
        var attachment = await (from a in db.Attachments.AsNoTracking()
                                join r in db.VisibleRepositories() on a.RepositoryId equals r.Id
                                where a.Id == attachmentId && r.FullName == fullName && a.State == AttachmentState.Readable
                                select new { a.Id, a.PackageCount }).FirstOrDefaultAsync(cancellationToken);
        if (attachment is null)
        {
            return new PackagePage([], 0, page, pageSize, filter);
        }

        var packages = db.SbomPackages.AsNoTracking().Where(p => p.AttachmentId == attachment.Id);
        var total = attachment.PackageCount;
        var term = filter?.Trim();
        if (!string.IsNullOrEmpty(term))
        {
            var lower = term.ToLowerInvariant();
            packages = packages.Where(p => p.Name.ToLower().Contains(lower));
            total = await packages.CountAsync(cancellationToken);
        }

        var skip = (page - 1) * pageSize;
        // Ordinals run 0..count-1, so an unfiltered page is a range of the primary key: the same cost on page 1 and page 1,000.
        var pageRows = string.IsNullOrEmpty(term)
            ? packages.Where(p => p.Ordinal >= skip && p.Ordinal < skip + pageSize).OrderBy(p => p.Ordinal)
            : packages.OrderBy(p => p.Ordinal).Skip(skip).Take(pageSize);
        var rows = await pageRows.Select(p => new PackageEntry(p.Name, p.Version, p.License, p.Purl)).ToListAsync(cancellationToken);
        return new PackagePage(rows, total, page, pageSize, string.IsNullOrEmpty(term) ? null : term);
    }

    /// <summary>What is attached to the image and, for an index, to each of its platform images.</summary>
    private async Task<IReadOnlyList<ImageAttachment>> AttachmentsAsync(Manifest manifest, List<ImagePlatformEntry> platforms, CancellationToken cancellationToken)
    {
        var platformOf = platforms.Where(p => p.Digest is not null).GroupBy(p => p.Digest!)
            .ToDictionary(g => g.Key, g => Platform(g.First()));
        var subjects = platformOf.Keys.Append(manifest.Digest).ToList();
        var rows = await db.Attachments.AsNoTracking()
            .Where(a => a.RepositoryId == manifest.RepositoryId && subjects.Contains(a.SubjectDigest))
            .OrderBy(a => a.Kind).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.SubjectDigest, a.Kind, a.Source, a.Tag, CarrierDigest = a.Manifest.Digest, a.MediaType, a.ArtifactType, a.Format,
                a.PredicateType, a.Signer, a.Generator, a.Created, a.PushedAt, a.State, a.Problem, a.PackageCount })
            .ToListAsync(cancellationToken);
        return rows.Select(a => new ImageAttachment(a.Id, a.SubjectDigest, platformOf.GetValueOrDefault(a.SubjectDigest), a.Kind, a.Source, a.Tag,
            a.CarrierDigest, a.MediaType, a.ArtifactType, a.Format, a.PredicateType, a.Signer, a.Generator, Utc(a.Created),
            DateTime.SpecifyKind(a.PushedAt, DateTimeKind.Utc), a.State, a.Problem, a.PackageCount)).ToList();
    }

    private async Task<ParsedManifest?> ParseAsync(Digest digest, string mediaType, CancellationToken cancellationToken)
    {
        var content = await manifests.GetAsync(digest, cancellationToken);
        try
        {
            return content is null ? null : ManifestParser.Parse(content, mediaType);
        }
        catch (RegistryException)
        {
            return null;
        }
    }

    private async Task<ImageConfigDetails?> ReadConfigAsync(Descriptor config, CancellationToken cancellationToken)
    {
        var max = options.Value.Limits.MaxConfigBytesToParse;
        var content = config.Size <= max ? await store.ReadAllAsync(config.Digest, max, cancellationToken) : null;
        return content is null ? null : ImageConfigDetailsReader.TryRead(content);
    }

    private static string Platform(ImagePlatformEntry p) => p.Variant is null ? $"{p.Os}/{p.Architecture}" : $"{p.Os}/{p.Architecture}/{p.Variant}";

    private static DateTime? Utc(DateTime? at) => at is { } value ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : null;
}
