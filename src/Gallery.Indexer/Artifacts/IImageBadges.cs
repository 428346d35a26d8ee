namespace Gallery.Indexer.Artifacts;

/// <summary>The Signed and SBOM badges of images, as the repository page and its tags tab show them.</summary>
public interface IImageBadges
{
    /// <summary>Badges for some images of a repository, by digest (digests without badges are absent).</summary>
    Task<IReadOnlyDictionary<string, ImageSupplyChain>> ForImagesAsync(string fullName, IReadOnlyCollection<string> digests, CancellationToken cancellationToken = default);

    /// <summary>Badges of the image a tag points at.</summary>
    Task<ImageSupplyChain> ForTagAsync(string fullName, string tag, CancellationToken cancellationToken = default);
}
