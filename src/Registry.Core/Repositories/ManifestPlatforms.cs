using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Registry.Core.Data;
using Registry.Core.Data.Entities;
using Registry.Core.Oci;
using Registry.Core.Storage;

namespace Registry.Core.Repositories;

/// <summary>
/// Works out the platforms and pull size of a manifest being pushed: an image's from its config blob,
/// an index's from its children (their descriptors' platform, else the child's own).
/// </summary>
public sealed class ManifestPlatforms(RegistryDbContext db, IBlobStore store, IOptions<RegistryOptions> options)
{
    public sealed record Result(long ImageSize, List<ImagePlatform> Platforms);

    public async Task<Result> DescribeAsync(long repositoryId, ParsedManifest manifest, CancellationToken cancellationToken)
    {
        if (manifest.IsIndex)
        {
            return await DescribeIndexAsync(repositoryId, manifest, cancellationToken);
        }

        var size = manifest.Config!.Size + manifest.Layers.Sum(l => l.Size);
        var summary = await ReadConfigAsync(manifest.Config, cancellationToken);
        var platforms = summary is null
            ? []
            : new List<ImagePlatform> { ToEntity(summary.Platform, null, size, summary.Created) };
        return new Result(size, platforms);
    }

    private async Task<Result> DescribeIndexAsync(long repositoryId, ParsedManifest index, CancellationToken cancellationToken)
    {
        var childDigests = index.Manifests.Select(m => m.Digest.ToString()).Distinct().ToList();
        var children = await db.Manifests.AsNoTracking()
            .Where(m => m.RepositoryId == repositoryId && childDigests.Contains(m.Digest))
            .Select(m => new { m.Digest, m.ImageSize, Platform = m.Platforms.FirstOrDefault() })
            .ToDictionaryAsync(m => m.Digest, cancellationToken);

        var platforms = new List<ImagePlatform>();
        long total = 0;
        foreach (var descriptor in index.Manifests)
        {
            var child = children.GetValueOrDefault(descriptor.Digest.ToString());
            var childSize = child?.ImageSize ?? descriptor.Size;
            total += childSize;
            var platform = descriptor.Platform
                ?? (child?.Platform is { } p ? new Platform(p.Os, p.Architecture, p.Variant, p.OsVersion) : null);
            if (platform is not null)
            {
                platforms.Add(ToEntity(platform, descriptor.Digest.ToString(), childSize, child?.Platform?.Created));
            }
        }

        return new Result(total, platforms);
    }

    private async Task<ImageConfigReader.ImageConfigSummary?> ReadConfigAsync(Descriptor config, CancellationToken cancellationToken)
    {
        if (!MediaTypes.IsImageConfig(config.MediaType) || config.Size > options.Value.Limits.MaxConfigBytesToParse)
        {
            return null;
        }

        var content = await store.ReadAllAsync(config.Digest, options.Value.Limits.MaxConfigBytesToParse, cancellationToken);
        return content is null ? null : ImageConfigReader.TryRead(content);
    }

    private static ImagePlatform ToEntity(Platform platform, string? childDigest, long size, DateTime? created) => new()
    {
        ChildDigest = childDigest,
        Os = Truncate(platform.Os, 64),
        Architecture = Truncate(platform.Architecture, 64),
        Variant = platform.Variant is null ? null : Truncate(platform.Variant, 64),
        OsVersion = platform.OsVersion is null ? null : Truncate(platform.OsVersion, 128),
        Size = size,
        Created = created,
    };

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
