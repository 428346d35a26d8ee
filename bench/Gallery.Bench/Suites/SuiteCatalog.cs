using Gallery.Bench.Suites.Follow;
using Gallery.Bench.Suites.Pages;
using Gallery.Bench.Suites.Registry;
using Gallery.Bench.Suites.Search;

namespace Gallery.Bench.Suites;

/// <summary>Every suite by name; a new suite implements <see cref="ISuite"/> and is listed here.</summary>
public static class SuiteCatalog
{
    public static IReadOnlyList<ISuite> Available { get; } = [new RegistrySuite(), new SearchSuite(), new FreshnessSuite(), new PagesSuite(), new FollowSuite()];
}
