namespace Gallery.Indexer.Reading;

/// <summary>A tag as a feed entry: pushed or moved to <paramref name="Digest"/> at <paramref name="UpdatedAt"/>.</summary>
public sealed record FeedTag(string Repository, string Tag, string Digest, DateTime UpdatedAt, IReadOnlyList<string> Platforms);

/// <summary>A newly published repository as a feed entry.</summary>
public sealed record FeedRepository(string FullName, string? PublisherDisplayName, string? Description, DateTime CreatedAt);

/// <summary>What a repository's badges say; <paramref name="LatestTag"/> is the highest version tag (and its image's size).</summary>
public sealed record BadgeFacts(string? LatestTag, long? LatestSize, long Pulls, IReadOnlyList<string> Platforms);
