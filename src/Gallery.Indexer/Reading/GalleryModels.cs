namespace Gallery.Indexer.Reading;

/// <summary>
/// A public repository (one with at least one image) as the gallery's repository page shows it. <paramref name="DefaultTag"/>
/// is what the pull command names: <c>latest</c> when it exists, else the most recently pushed tag.
/// </summary>
public sealed record GalleryRepository(
    string FullName,
    string Alias,
    string Name,
    string? PublisherDisplayName,
    bool Verified,
    string? Description,
    string? AboutText,
    string? UsageText,
    IReadOnlyList<string> Architectures,
    IReadOnlyList<string> OperatingSystems,
    IReadOnlyList<PushedPlatform> PushedPlatforms,
    string? LogoDigest,
    long PullCount,
    DateTime LastPushedAt,
    DateTime CreatedAt,
    int TagCount,
    string? DefaultTag)
{
    /// <summary>What its tags hold (<see cref="Registry.Core.Oci.ArtifactKinds.OfRepository"/>): images, Helm charts or other artifacts.</summary>
    public Registry.Core.Oci.ArtifactKind Kind { get; init; } = Registry.Core.Oci.ArtifactKind.Image;

    /// <summary>For a Helm repository, the chart its most recently pushed chart tag holds.</summary>
    public GalleryChart? Chart { get; init; }

    /// <summary>The artifact types its tags hold, for a repository of other artifacts.</summary>
    public IReadOnlyList<string> ArtifactTypes { get; init; } = [];
}

/// <summary>
/// A Helm chart as its config (and README) describe it, read at push; <paramref name="Problem"/> says why facts or
/// README are missing. <paramref name="Tag"/> is the tag it was pushed as (Helm writes a version's <c>+</c> as <c>_</c>).
/// </summary>
public sealed record GalleryChart(
    string Tag, string? Name, string? Version, string? AppVersion, string? Description, IReadOnlyList<string> Keywords, string? Readme, string? Problem)
{
    /// <summary>The version <c>helm pull --version</c> takes: the chart's own, else the tag's with <c>_</c> back to <c>+</c>.</summary>
    public string PullVersion => Version ?? ChartVersion(Tag);

    public static string ChartVersion(string tag) => tag.Replace('_', '+');
}

/// <summary>An operating system and architecture some image of the repository was pushed for (OCI names).</summary>
public sealed record PushedPlatform(string Os, string Architecture);

/// <summary>A publisher (registry alias) and how many public repositories it has.</summary>
public sealed record GalleryPublisher(string Alias, string? DisplayName, bool Verified, string? LogoDigest, int RepositoryCount);

public enum TagSort
{
    /// <summary>Most recently pushed image first, then by name.</summary>
    Newest,

    /// <summary>Semantic versions, highest first; other names after them, by name.</summary>
    Version,
}

/// <summary>
/// A page of a repository's tags: <paramref name="Filter"/> matches part of the tag name. Cosign's attachment tags
/// (<c>sha256-&lt;hex&gt;.sig</c>, ...) are left out unless <paramref name="IncludeAttachmentTags"/>.
/// </summary>
public sealed record TagQuery(string FullName, string? Filter = null, TagSort Sort = TagSort.Newest, int Page = 1, int PageSize = 50, bool IncludeAttachmentTags = false)
{
    public const int MaxPageSize = 200;
}

public sealed record TagPage(IReadOnlyList<TagRow> Rows, int Total, int Page, int PageSize)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

/// <summary>One tag and the image it points at; <paramref name="AlsoTagged"/> are the other tags of the same digest.</summary>
public sealed record TagRow(
    string Tag,
    string Digest,
    string MediaType,
    string? ArtifactType,
    long ImageSize,
    DateTime PushedAt,
    IReadOnlyList<TagPlatform> Platforms,
    IReadOnlyList<string> AlsoTagged)
{
    /// <summary>For a Helm chart, its version and app version.</summary>
    public TagChart? Chart { get; init; }
}

public sealed record TagChart(string? Version, string? AppVersion);

/// <summary>A platform of an image: for an index, one per child with that child's digest and size.</summary>
public sealed record TagPlatform(string Os, string Architecture, string? Variant, string? ChildDigest, long Size);
