using Registry.Core.Repositories.Public;

namespace Gallery.Indexer.Reading;

/// <summary>
/// The gallery's database reads: repository pages, their tags, publishers and totals. Only repositories with at
/// least one image exist here (as on gallery.ecr.aws). Search and listings go through the index instead.
/// </summary>
public interface IGalleryReader
{
    Task<GalleryRepository?> GetRepositoryAsync(string fullName, CancellationToken cancellationToken = default);

    /// <summary>An empty page when the repository does not exist or is not public.</summary>
    Task<TagPage> GetTagsAsync(TagQuery query, CancellationToken cancellationToken = default);

    Task<GalleryPublisher?> GetPublisherAsync(string alias, CancellationToken cancellationToken = default);

    /// <summary>Verified publishers with at least one public repository, most repositories first.</summary>
    Task<IReadOnlyList<GalleryPublisher>> GetVerifiedPublishersAsync(int max, CancellationToken cancellationToken = default);

    Task<PublicTotals> GetTotalsAsync(CancellationToken cancellationToken = default);

    /// <summary>The public repository holding an image (or index child) with that digest, or null.</summary>
    Task<string?> FindRepositoryByDigestAsync(string digest, CancellationToken cancellationToken = default);
}
