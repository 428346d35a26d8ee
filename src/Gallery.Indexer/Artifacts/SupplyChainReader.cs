using Microsoft.EntityFrameworkCore;
using Registry.Core.Attachments;
using Registry.Core.Data;
using Registry.Core.Data.Entities;

namespace Gallery.Indexer.Artifacts;

/// <summary>
/// Per image and per current tag: signed, has an SBOM, which packages it ships. The image behind a tag is the tagged
/// manifest and, for an index, its children (BuildKit attaches SBOMs to each platform image). Cosign's own tags
/// (<c>sha256-&lt;hex&gt;.sig</c>, ...) are attachments, not images, and are left out.
/// </summary>
public sealed class SupplyChainReader(RegistryDbContext db) : IImageBadges
{
    private sealed record TaggedImage(long RepositoryId, string Tag, long ManifestId, string Digest);

    public async Task<IReadOnlyDictionary<string, ImageSupplyChain>> ForImagesAsync(string fullName, IReadOnlyCollection<string> digests, CancellationToken cancellationToken = default)
    {
        var list = digests.Distinct().ToList();
        var images = await (from r in db.Repositories.AsNoTracking()
                            where r.FullName == fullName
                            join m in db.Manifests.AsNoTracking() on r.Id equals m.RepositoryId
                            where list.Contains(m.Digest)
                            select new TaggedImage(m.RepositoryId, "", m.Id, m.Digest)).ToListAsync(cancellationToken);
        return await BadgesAsync(images, cancellationToken);
    }

    public async Task<ImageSupplyChain> ForTagAsync(string fullName, string tag, CancellationToken cancellationToken = default)
    {
        // A join from the repository (not a tag filtered by an EXISTS on it): SQLite does not turn the EXISTS into a
        // join, and scanned every tag of the catalog (27 ms at 351,000 tags) on each repository page and badge.
        var images = await (from r in db.Repositories.AsNoTracking()
                            where r.FullName == fullName
                            join t in db.Tags.AsNoTracking() on r.Id equals t.RepositoryId
                            where t.Name == tag
                            select new TaggedImage(t.RepositoryId, t.Name, t.ManifestId, t.Manifest.Digest)).ToListAsync(cancellationToken);
        return (await BadgesAsync(images, cancellationToken)).Values.FirstOrDefault() ?? ImageSupplyChain.None;
    }

    private async Task<IReadOnlyDictionary<string, ImageSupplyChain>> BadgesAsync(List<TaggedImage> images, CancellationToken cancellationToken)
    {
        if (images.Count == 0)
        {
            return new Dictionary<string, ImageSupplyChain>();
        }

        var facts = await FactsAsync(images.Select(i => i.RepositoryId).Distinct().ToList(), images, cancellationToken);
        return images.Select(i => (i.Digest, Facts: facts(i))).Where(x => x.Facts != ImageSupplyChain.None)
            .DistinctBy(x => x.Digest).ToDictionary(x => x.Digest, x => x.Facts);
    }

    /// <summary>Every current tag (cosign's left out) of the repositories, with its badges.</summary>
    public async Task<ILookup<long, TagSupplyChain>> ForRepositoriesAsync(IReadOnlyCollection<long> repositoryIds, CancellationToken cancellationToken = default)
    {
        var ids = repositoryIds.Distinct().ToList();
        var tags = (await db.Tags.AsNoTracking().Where(t => ids.Contains(t.RepositoryId))
                .Select(t => new TaggedImage(t.RepositoryId, t.Name, t.ManifestId, t.Manifest.Digest)).ToListAsync(cancellationToken))
            .Where(t => !CosignTags.IsCosignTag(t.Tag)).ToList();
        var facts = await FactsAsync(ids, tags, cancellationToken);
        return tags.Select(t => (t.RepositoryId, Row: new { t, f = facts(t) }))
            .ToLookup(x => x.RepositoryId, x => new TagSupplyChain(x.Row.t.Tag, x.Row.t.Digest, x.Row.f.Signed, x.Row.f.HasSbom));
    }

    /// <summary>The packages the images behind a repository's current tags ship, each (tag, name, version) once.</summary>
    public async Task<IReadOnlyList<TagPackage>> PackagesAsync(long repositoryId, CancellationToken cancellationToken = default) =>
        (await PackagesAsync([repositoryId], cancellationToken))[repositoryId].ToList();

    /// <summary>The same for several repositories at once (the indexer's batches): a few queries, whatever the count.</summary>
    public async Task<ILookup<long, TagPackage>> PackagesAsync(IReadOnlyCollection<long> repositoryIds, CancellationToken cancellationToken = default)
    {
        var ids = repositoryIds.Distinct().ToList();
        var tags = (await db.Tags.AsNoTracking().Where(t => ids.Contains(t.RepositoryId))
                .Select(t => new TaggedImage(t.RepositoryId, t.Name, t.ManifestId, t.Manifest.Digest)).ToListAsync(cancellationToken))
            .Where(t => !CosignTags.IsCosignTag(t.Tag)).ToList();
        var subjects = await SubjectsAsync(tags, cancellationToken);
        var packages = (await (from a in db.Attachments.AsNoTracking()
                               where ids.Contains(a.RepositoryId) && a.Kind == AttachmentKind.Sbom && a.State == AttachmentState.Readable
                               join p in db.SbomPackages.AsNoTracking() on a.Id equals p.AttachmentId
                               select new { a.RepositoryId, a.SubjectDigest, p.Name, p.Version }).Distinct().ToListAsync(cancellationToken))
            .ToLookup(p => (p.RepositoryId, p.SubjectDigest));
        return tags.SelectMany(t => subjects[t.ManifestId].SelectMany(s => packages[(t.RepositoryId, s)])
                .Select(p => (t.RepositoryId, Package: new TagPackage(t.Tag, p.Name, p.Version))))
            .Distinct().ToLookup(x => x.RepositoryId, x => x.Package);
    }

    private async Task<Func<TaggedImage, ImageSupplyChain>> FactsAsync(List<long> repositoryIds, List<TaggedImage> images, CancellationToken cancellationToken)
    {
        var subjects = await SubjectsAsync(images, cancellationToken);
        var wanted = subjects.SelectMany(s => s.Value).Distinct().ToList();
        var attached = (await db.Attachments.AsNoTracking()
                .Where(a => repositoryIds.Contains(a.RepositoryId) && wanted.Contains(a.SubjectDigest)
                    && (a.Kind == AttachmentKind.Signature || a.Kind == AttachmentKind.Sbom) && a.State != AttachmentState.Unreadable)
                .Select(a => new { a.RepositoryId, a.SubjectDigest, a.Kind }).Distinct().ToListAsync(cancellationToken))
            .Select(a => (a.RepositoryId, a.SubjectDigest, a.Kind)).ToHashSet();
        return image =>
        {
            var signed = attached.Contains((image.RepositoryId, image.Digest, AttachmentKind.Signature));
            var sbom = subjects[image.ManifestId].Any(s => attached.Contains((image.RepositoryId, s, AttachmentKind.Sbom)));
            return signed || sbom ? new ImageSupplyChain(signed, sbom) : ImageSupplyChain.None;
        };
    }

    /// <summary>Per manifest: its own digest and its children's (an index's platform images).</summary>
    private async Task<Dictionary<long, List<string>>> SubjectsAsync(List<TaggedImage> images, CancellationToken cancellationToken)
    {
        var ids = images.Select(i => i.ManifestId).Distinct().ToList();
        var children = (await db.ManifestReferences.AsNoTracking().Where(r => ids.Contains(r.ManifestId) && r.Kind == ReferenceKind.Manifest)
                .Select(r => new { r.ManifestId, r.Digest }).ToListAsync(cancellationToken))
            .ToLookup(r => r.ManifestId, r => r.Digest);
        return images.DistinctBy(i => i.ManifestId).ToDictionary(i => i.ManifestId, i => children[i.ManifestId].Prepend(i.Digest).ToList());
    }
}
