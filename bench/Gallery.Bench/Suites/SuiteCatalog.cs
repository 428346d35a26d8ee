using Gallery.Bench.Suites.Registry;

namespace Gallery.Bench.Suites;

/// <summary>Every suite by name. A suite moves from Planned to Available when the feature it measures lands.</summary>
public static class SuiteCatalog
{
    public static IReadOnlyList<ISuite> Available { get; } = [new RegistrySuite()];

    public static IReadOnlyList<PlannedSuite> Planned { get; } =
    [
        new("search", "gallery search (Gallery.Indexer's IGallerySearch over Lucene) does not exist yet; this suite will time it against PostgreSQL full-text search on 100,000 generated repositories"),
        new("pages", "the gallery pages (home, search, repository) do not exist yet; this suite will measure their TTFB and requests/s at 16 clients"),
        new("freshness", "the indexer does not follow the registry's event feed yet; this suite will measure push-to-searchable latency"),
    ];
}
