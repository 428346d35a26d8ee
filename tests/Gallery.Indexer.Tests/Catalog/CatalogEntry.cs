namespace Gallery.Indexer.Tests.Catalog;

/// <summary>One repository of the test catalog: catalog data as a publisher would write it, and what was pushed.</summary>
public sealed record CatalogEntry(
    string Alias,
    string Name,
    string? Publisher,
    bool Verified,
    string Description,
    string? About,
    string? Usage,
    IReadOnlyList<(string Os, string Architecture)> Platforms,
    IReadOnlyList<string> Tags,
    long Pulls)
{
    public string FullName => $"{Alias}/{Name}";

    /// <summary>False for a repository created without any image: it must never be listed.</summary>
    public bool HasImage { get; init; } = true;

    public DateTime PushedAt { get; init; } = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
}
