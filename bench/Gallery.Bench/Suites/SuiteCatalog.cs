using Gallery.Bench.Suites.Follow;
using Gallery.Bench.Suites.Pages;
using Gallery.Bench.Suites.Registry;
using Gallery.Bench.Suites.Search;

namespace Gallery.Bench.Suites;

/// <summary>Every suite by name. A suite moves from Planned to Available when the feature it measures lands.</summary>
public static class SuiteCatalog
{
    public static IReadOnlyList<ISuite> Available { get; } = [new RegistrySuite(), new SearchSuite(), new FreshnessSuite(), new PagesSuite(), new FollowSuite()];

    public static IReadOnlyList<PlannedSuite> Planned { get; } = [];
}
