namespace Gallery.Bench.Suites.Search;

/// <summary>One generated repository: what a publisher would push and write in its catalog data.</summary>
public sealed record GeneratedRepository(
    string Alias, string Name, string Publisher, bool Verified, string Description, string About, string Usage,
    string[] Architectures, string[] OperatingSystems, (string Os, string Architecture)[] Platforms, string[] Tags, long Pulls, DateTime PushedAt)
{
    public string FullName => $"{Alias}/{Name}";

    /// <summary>What an SBOM attached to its latest image lists (<see cref="SbomPackages"/>): a tenth of the catalog has one.</summary>
    public (string Name, string Version)[] Packages { get; init; } = [];
}

/// <summary>
/// N realistic repositories, deterministically (a fixed seed), in the shapes a public registry holds: official images
/// (<c>docker/library/nginx</c>) with popularity falling off by rank, their namesakes (<c>grafana/grafana</c>) and
/// repackaged copies (<c>bitnami/nginx</c>), mirrors (<c>mirror-12/docker/library/nginx</c>), <c>-alpine</c>/<c>-slim</c>
/// variants, Helm chart repositories, exporters and operators (one canonical of each, the rest copies), namespaced
/// paths (<c>acme/payments/nginx-gateway</c>), two publishers with thousands of repositories, and a long tail of
/// small publishers; About texts of a few kilobytes; pulls skewed (a few huge, most tiny).
/// </summary>
public static class RepositoryGenerator
{
    public static readonly string[] Software = [.. HeadSoftware.All.Take(50).Select(h => h.Name)];

    public static readonly string[] Components = ["api", "worker", "cli", "agent", "proxy", "gateway", "operator", "exporter", "server", "client", "web", "db", "cache", "sidecar", "controller", "scheduler", "runner", "builder", "tools", "base"];

    public static readonly string[] Domains = ["payments", "orders", "billing", "search", "auth", "inventory", "analytics", "media", "chat", "maps", "ledger", "catalog", "shipping", "identity", "metrics", "logging", "ml", "etl", "reports", "notifications"];

    private static readonly string[] Adjectives = ["fast", "minimal", "hardened", "lightweight", "secure", "scalable", "distributed", "official", "slim", "production-ready", "open source", "cloud native"];

    private static readonly string[] Nouns = ["image", "runtime", "service", "database", "message broker", "web server", "reverse proxy", "load balancer", "monitoring stack", "build environment", "machine learning toolkit", "search engine", "object storage", "key-value store", "CI runner"];

    private static readonly string[] Vendors = ["acme", "globex", "initech", "umbrella", "hooli", "stark", "wayne", "wonka", "cyberdyne", "tyrell", "soylent", "aperture", "massive", "vandelay", "oscorp", "monarch", "gringotts", "nakatomi", "duff", "krusty"];

    private static readonly string[] Prose =
    [
        "Builds are reproducible and every release is signed.", "The image runs as a non-root user by default.",
        "Configuration is read from environment variables and mounted files.", "Health checks and graceful shutdown are built in.",
        "Logs go to standard output in JSON.", "Multi-architecture manifests cover the common platforms.",
        "Security updates are applied weekly and scanned for known vulnerabilities.", "See the documentation for upgrade notes between major versions.",
        "Persistent data lives under a single volume.", "Metrics are exposed for scraping on a separate port.",
        "The entrypoint accepts the same flags as the upstream binary.", "Tags follow the upstream release versions.",
    ];

    private static readonly (string Os, string Architecture)[][] PlatformSets =
    [
        [("linux", "amd64")],
        [("linux", "amd64"), ("linux", "arm64")],
        [("linux", "amd64"), ("linux", "arm64"), ("linux", "arm")],
        [("linux", "amd64"), ("linux", "arm64"), ("linux", "arm"), ("linux", "386")],
        [("windows", "amd64")],
        [("linux", "amd64"), ("windows", "amd64")],
        [("linux", "arm64")],
    ];

    /// <summary>The official image of a head software: what a search for its name should find first.</summary>
    public static string Official(string software) => $"docker/library/{software}";

    /// <summary>The one exporter and operator people mean by "x exporter" / "x operator".</summary>
    public static string CanonicalExporter(string software) => $"prometheus-community/{software}-exporter";

    public static string CanonicalOperator(string software) => $"{software}-operator/{software}-operator";

    public static IEnumerable<GeneratedRepository> Generate(int count, int seed = 20250101)
    {
        var random = new Random(seed);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var made = 0;
        var heads = HeadSoftware.All.Length;
        var headShare = Math.Min(count / 4, heads * 60);
        for (var rank = 0; rank < heads && made < headShare; rank++)
        {
            var (software, blurb) = HeadSoftware.All[rank];
            var top = (long)(5e8 / Math.Pow(rank + 1, 1.1));
            foreach (var repository in AroundHead(random, rank, software, blurb, top, count))
            {
                if (names.Add(repository.FullName))
                {
                    yield return repository with { Packages = SbomPackages.For(made++) };
                }
            }
        }

        while (made < count)
        {
            var repository = Tail(random, made, count);
            if (names.Add(repository.FullName))
            {
                yield return repository with { Packages = SbomPackages.For(made++) };
            }
        }
    }

    private static IEnumerable<GeneratedRepository> AroundHead(Random random, int rank, string software, string blurb, long top, int count)
    {
        var description = $"Official build of {software}: {blurb}.";
        yield return Make(random, "docker", $"library/{software}", "Docker", true, description, software, top, PlatformSets[3]);
        if (rank % 3 == 0)
        {
            yield return Make(random, software, software, $"{Title(software)} Project", true, $"{Title(software)} from its makers: {blurb}.", software, top / 10, PlatformSets[2]);
        }

        foreach (var (alias, publisher, verified, share) in HeadSoftware.Repackagers)
        {
            if (random.NextDouble() < 0.8)
            {
                yield return Make(random, alias, software, publisher, verified, $"{Title(software)} packaged by {publisher}: {blurb}.", software, (long)(top * share * random.NextDouble()), null);
            }
        }

        foreach (var variant in (string[])["alpine", "slim"])
        {
            yield return Make(random, Pick(random, Vendors), $"{software}-{variant}", null, false, $"{Title(software)} on a {variant} base image.", software, (long)(top * 0.0005 * random.NextDouble()), null);
        }

        yield return Make(random, "prometheus-community", $"{software}-exporter", "Prometheus Community", true, $"Prometheus exporter for {software} metrics.", software, top / 200, PlatformSets[1]);
        yield return Make(random, $"{software}-operator", $"{software}-operator", $"{Title(software)} Operator", true, $"Kubernetes operator that deploys and manages {software}.", software, top / 400, PlatformSets[1]);
        for (var i = 0; i < 3; i++)
        {
            var user = $"{Pick(random, Vendors)}{random.Next(300)}";
            var copy = random.Next(3) switch { 0 => $"{software}-exporter", 1 => $"{software}-operator", _ => $"{software}-{Pick(random, Components)}" };
            yield return Make(random, user, copy, null, false, $"A {Pick(random, Adjectives)} {software} {Pick(random, Nouns)} for {Pick(random, Domains)} teams.", software, (long)Math.Pow(10, random.NextDouble() * 4), null);
        }

        yield return Make(random, "charts", software, "Helm Charts", false, $"Helm chart for deploying {software} on Kubernetes.", software, top / 1000, PlatformSets[0]);
        var mirrors = Math.Max(2, count / 4000);
        for (var i = 0; i < mirrors; i++)
        {
            yield return Make(random, $"mirror-{random.Next(count / 200 + 10)}", $"docker/library/{software}", null, false, description, software, (long)(top * 0.002 * random.NextDouble()), PlatformSets[3]);
        }

        for (var i = 0; i < 4; i++)
        {
            yield return Make(random, Pick(random, Vendors), $"{Pick(random, Domains)}/{software}-{Pick(random, Components)}", null, false,
                $"{Title(software)} {Pick(random, Components)} for the {Pick(random, Domains)} team.", software, (long)Math.Pow(10, random.NextDouble() * 3), null);
        }
    }

    /// <summary>The long tail: a few publishers with thousands of repositories, and many small ones.</summary>
    private static GeneratedRepository Tail(Random random, int made, int count)
    {
        var software = Pick(random, Software);
        var big = random.Next(10);
        var alias = big switch
        {
            0 => "bigcorp",
            1 when count >= 50_000 => "ci-images",
            _ => $"{Vendors[random.Next(Vendors.Length)]}{random.Next(count / 300 + 1)}",
        };
        var name = random.Next(4) switch
        {
            0 => $"{software}-{Pick(random, Components)}",
            1 => $"{Pick(random, Domains)}-{Pick(random, Components)}",
            2 => $"{Pick(random, Domains)}/{software}-{Pick(random, Components)}",
            _ => $"{Pick(random, Domains)}/{Pick(random, Domains)}-{Pick(random, Components)}-{made % 97}",
        };
        var description = $"A {Pick(random, Adjectives)} {software} {Pick(random, Nouns)} for {Pick(random, Domains)} teams, maintained by {alias}.";
        return Make(random, alias, name, null, big == 0 && random.Next(2) == 0, description, software, (long)Math.Pow(10, Math.Pow(random.NextDouble(), 2) * 5), null);
    }

    private static GeneratedRepository Make(Random random, string alias, string name, string? publisher, bool verified, string description, string software, long pulls,
        (string Os, string Architecture)[]? platforms)
    {
        platforms ??= PlatformSets[random.Next(PlatformSets.Length)];
        var about = new System.Text.StringBuilder($"## {software}\n\n{description}\n\n");
        var sentences = 8 + random.Next(40);
        for (var i = 0; i < sentences; i++)
        {
            about.Append(Pick(random, Prose)).Append(i % 6 == 5 ? "\n\n" : " ");
        }

        about.Append($"\n\nThis {Pick(random, Adjectives)} image runs {software} as a {Pick(random, Nouns)} for {Pick(random, Domains)} workloads.");
        var usage = $"```sh\ndocker pull {alias}/{name}:latest\ndocker run --rm {alias}/{name}:latest {Pick(random, Components)}\n```";
        var tags = Enumerable.Range(0, 1 + random.Next(6)).Select(t => t == 0 ? "latest" : $"{1 + random.Next(5)}.{random.Next(20)}.{t}").Distinct().ToArray();
        return new GeneratedRepository(alias, name, publisher ?? $"{Title(alias)} Inc.", verified, description, about.ToString(), usage,
            [.. platforms.Select(pl => ArchitectureName(pl.Architecture)).Distinct()], [.. platforms.Select(pl => pl.Os == "linux" ? "Linux" : "Windows").Distinct()],
            platforms, tags, Math.Max(0, pulls), new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(random.Next(60 * 24 * 365)));
    }

    private static string Title(string word) => $"{char.ToUpperInvariant(word[0])}{word[1..]}";

    private static string ArchitectureName(string oci) => oci switch
    {
        "amd64" => "x86-64",
        "arm64" => "ARM 64",
        "arm" => "ARM",
        _ => "x86",
    };

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
