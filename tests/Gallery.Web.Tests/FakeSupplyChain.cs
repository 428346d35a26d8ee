using Gallery.Indexer.Artifacts;

namespace Gallery.Web.Tests;

/// <summary>Badges and image pages from dictionaries the tests fill.</summary>
public sealed class FakeSupplyChain : IImageBadges, IImageDetailsReader
{
    public Dictionary<string, ImageSupplyChain> Badges { get; } = [];

    public Dictionary<string, ImageDetails> Images { get; } = [];

    public Dictionary<long, List<PackageEntry>> Packages { get; } = [];

    public Task<IReadOnlyDictionary<string, ImageSupplyChain>> ForImagesAsync(string fullName, IReadOnlyCollection<string> digests, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<string, ImageSupplyChain>>(Badges.Where(b => digests.Contains(b.Key)).ToDictionary());

    public Task<ImageSupplyChain> ForTagAsync(string fullName, string tag, CancellationToken cancellationToken = default) =>
        Task.FromResult(Badges.GetValueOrDefault(tag) ?? ImageSupplyChain.None);

    public Task<ImageDetails?> GetAsync(string fullName, string digest, CancellationToken cancellationToken = default) =>
        Task.FromResult(Images.GetValueOrDefault($"{fullName}@{digest}"));

    public Task<PackagePage> GetPackagesAsync(string fullName, long attachmentId, string? filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var all = Packages.GetValueOrDefault(attachmentId) ?? [];
        var matching = filter is null ? all : all.Where(p => p.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)).ToList();
        return Task.FromResult(new PackagePage(matching.Skip((page - 1) * pageSize).Take(pageSize).ToList(), matching.Count, page, pageSize, filter));
    }
}
