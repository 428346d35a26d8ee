using Gallery.Indexer.Search;

namespace Gallery.Bench.Suites.Search;

/// <summary>
/// A fixed mix of searches, as a gallery sees them: single words, two words, name prefixes as typed, typos, names
/// with dashes, empty browsing; a third with an architecture or OS filter, some by publisher, some sorted by pulls.
/// Every search counts its facets.
/// </summary>
public static class QueryMix
{
    public static List<SearchRequest> Create(int count, int seed = 7)
    {
        var random = new Random(seed);
        var requests = new List<SearchRequest>(count);
        for (var i = 0; i < count; i++)
        {
            var software = Pick(random, RepositoryGenerator.Software);
            var text = random.Next(10) switch
            {
                0 or 1 or 2 => software,
                3 or 4 => $"{software} {Pick(random, RepositoryGenerator.Components)}",
                5 => software[..Math.Min(software.Length, 2 + random.Next(3))],
                6 => Typo(random, software),
                7 => $"{Pick(random, RepositoryGenerator.Domains)}-{Pick(random, RepositoryGenerator.Components)}",
                8 => $"{Pick(random, RepositoryGenerator.Domains)} {Pick(random, ["database", "proxy", "runtime", "monitoring", "storage"])}",
                _ => "",
            };
            var filter = random.Next(6);
            requests.Add(new SearchRequest
            {
                Text = text,
                Architectures = filter == 0 ? ["ARM 64"] : filter == 1 ? ["x86-64", "ARM"] : [],
                OperatingSystems = filter == 2 ? ["Windows"] : filter == 3 ? ["Linux"] : [],
                Verified = random.Next(8) == 0 ? true : null,
                Sort = random.Next(5) == 0 ? SearchSort.Popularity : SearchSort.Relevance,
                PageSize = 25,
            });
        }

        return requests;
    }

    private static string Typo(Random random, string word)
    {
        if (word.Length < 5)
        {
            return word;
        }

        var at = 1 + random.Next(word.Length - 2);
        return string.Concat(word.AsSpan(0, at), word[at + 1].ToString(), word[at].ToString(), word.AsSpan(at + 2));
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
