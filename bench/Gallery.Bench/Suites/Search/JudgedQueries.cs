using Gallery.Indexer.Search;

namespace Gallery.Bench.Suites.Search;

/// <summary>The kinds of search the judged set holds, each with its own measure (first, or within the first five).</summary>
public enum JudgedKind
{
    ExactFullName,
    BareName,
    Prefix,
    Typo,
    TwoWords,
    DescriptionPhrase,
    Filtered,
    Sorted,
    Package,
}

/// <summary>One judged search: what was typed (with filters or a sort) and the repository it means.</summary>
public sealed record JudgedQuery(JudgedKind Kind, SearchRequest Request, string Target);

/// <summary>
/// Searches with the repository each one means, over the generated catalog (<see cref="RepositoryGenerator"/>):
/// exact full names of every shape (official, copy, mirror, namespaced path, tail); bare names of popular software
/// (the official image); prefixes of 2–6 letters, judged only where that software is the most popular one starting so;
/// typos (a swap, a dropped, doubled or wrong letter); two words (<c>redis exporter</c> → the canonical exporter);
/// phrases of a description; a bare name with a platform filter or sorted by pulls; a package only one repository's
/// SBOM lists (<c>package=</c>). Deterministic (fixed seed).
/// </summary>
public static class JudgedQueries
{
    public static List<JudgedQuery> Create(IReadOnlyList<GeneratedRepository> catalog, int seed = 11)
    {
        var random = new Random(seed);
        var names = catalog.Select(r => r.FullName).ToHashSet(StringComparer.Ordinal);
        var heads = HeadSoftware.All.Where(h => names.Contains(RepositoryGenerator.Official(h.Name))).ToList();
        var queries = new List<JudgedQuery>();

        // Exact full names: a third official images, the rest any repository (copies, mirrors, paths, the tail).
        for (var i = 0; i < 160; i++)
        {
            var target = i % 3 == 0 ? RepositoryGenerator.Official(heads[random.Next(heads.Count)].Name) : catalog[random.Next(catalog.Count)].FullName;
            queries.Add(new(JudgedKind.ExactFullName, new SearchRequest { Text = target }, target));
        }

        foreach (var (name, _) in heads)
        {
            queries.Add(new(JudgedKind.BareName, new SearchRequest { Text = name }, RepositoryGenerator.Official(name)));
        }

        // A prefix means the most popular software starting with it (heads are listed most popular first).
        var prefixes = new List<JudgedQuery>();
        foreach (var (name, _) in heads)
        {
            for (var length = 2; length <= Math.Min(6, name.Length - 1); length++)
            {
                var prefix = name[..length];
                if (heads.First(h => h.Name.StartsWith(prefix, StringComparison.Ordinal)).Name == name)
                {
                    prefixes.Add(new(JudgedKind.Prefix, new SearchRequest { Text = prefix }, RepositoryGenerator.Official(name)));
                }
            }
        }

        queries.AddRange(prefixes.OrderBy(_ => random.Next()).Take(180));

        foreach (var (name, _) in heads.Where(h => h.Name.Length >= 5).OrderBy(_ => random.Next()).Take(80))
        {
            queries.Add(new(JudgedKind.Typo, new SearchRequest { Text = Typo(random, name) }, RepositoryGenerator.Official(name)));
        }

        foreach (var (name, _) in heads.OrderBy(_ => random.Next()).Take(60))
        {
            var exporter = random.Next(2) == 0;
            queries.Add(new(JudgedKind.TwoWords, new SearchRequest { Text = $"{name} {(exporter ? "exporter" : "operator")}" },
                exporter ? RepositoryGenerator.CanonicalExporter(name) : RepositoryGenerator.CanonicalOperator(name)));
        }

        foreach (var (name, blurb) in heads.OrderBy(_ => random.Next()).Take(60))
        {
            var words = blurb.Split(' ');
            var take = Math.Min(words.Length, 3 + random.Next(2));
            queries.Add(new(JudgedKind.DescriptionPhrase, new SearchRequest { Text = string.Join(' ', words.Take(take)) }, RepositoryGenerator.Official(name)));
        }

        foreach (var (name, _) in heads.OrderBy(_ => random.Next()).Take(60))
        {
            queries.Add(new(JudgedKind.Filtered, new SearchRequest { Text = name, Architectures = [random.Next(2) == 0 ? "ARM 64" : "x86-64"], OperatingSystems = ["Linux"] },
                RepositoryGenerator.Official(name)));
        }

        foreach (var (name, _) in heads.OrderBy(_ => random.Next()).Take(40))
        {
            queries.Add(new(JudgedKind.Sorted, new SearchRequest { Text = name, Sort = SearchSort.Popularity }, RepositoryGenerator.Official(name)));
        }

        // package=: the application package only one repository's SBOM lists, by name or with a version prefix.
        var withSbom = catalog.Select((r, i) => (r, i)).Where(x => x.r.Packages.Length > 0).OrderBy(_ => random.Next()).Take(30).ToList();
        foreach (var (repository, index) in withSbom)
        {
            var own = repository.Packages.First(p => p.Name == SbomPackages.Own(index));
            var text = random.Next(2) == 0 ? own.Name : $"{own.Name}@{own.Version[..1]}";
            queries.Add(new(JudgedKind.Package, new SearchRequest { Package = PackageFilter.TryParse(text, out _) }, repository.FullName));
        }

        return queries;
    }

    /// <summary>Within how many of the first results a kind's target counts as found: exact names first, the rest in the top 5.</summary>
    public static int Within(JudgedKind kind) => kind is JudgedKind.ExactFullName or JudgedKind.BareName ? 1 : 5;

    private static string Typo(Random random, string word)
    {
        var at = 1 + random.Next(word.Length - 2);
        return random.Next(4) switch
        {
            0 => string.Concat(word.AsSpan(0, at), word[at + 1].ToString(), word[at].ToString(), word.AsSpan(at + 2)),
            1 => word.Remove(at, 1),
            2 => word.Insert(at, word[at].ToString()),
            _ => string.Concat(word.AsSpan(0, at), ((char)('a' + (word[at] - 'a' + 1 + random.Next(24)) % 26)).ToString(), word.AsSpan(at + 1)),
        };
    }
}
