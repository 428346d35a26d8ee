namespace Gallery.Indexer.Documents;

/// <summary>What the index holds about one public repository, read from the database in one piece.</summary>
public sealed record RepositoryRecord(
    string FullName,
    long RegistryKey,
    string Alias,
    string Name,
    string? PublisherDisplayName,
    bool Verified,
    string? Description,
    string? AboutText,
    string? UsageText,
    IReadOnlyList<string> Architectures,
    IReadOnlyList<string> OperatingSystems,
    IReadOnlyList<string> Tags,
    string? LogoDigest,
    long PullCount,
    DateTime? LastPushedAt,
    DateTime CreatedAt);
