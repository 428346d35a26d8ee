namespace Gallery.Indexer.Artifacts;

/// <summary>The image page's reads.</summary>
public interface IImageDetailsReader
{
    /// <summary>The image, or null when the repository is not public or holds no manifest with that digest.</summary>
    Task<ImageDetails?> GetAsync(string fullName, string digest, CancellationToken cancellationToken = default);

    /// <summary>A page of one SBOM's packages (an SBOM of an image of that repository), in the SBOM's order, filtered by name.</summary>
    Task<PackagePage> GetPackagesAsync(string fullName, long attachmentId, string? filter, int page, int pageSize, CancellationToken cancellationToken = default);
}
