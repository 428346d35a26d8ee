namespace Gallery.Bench.Suites.Search;

/// <summary>One generated repository: what a publisher would push and write in its catalog data.</summary>
public sealed record GeneratedRepository(
    string Alias, string Name, string Publisher, bool Verified, string Description, string About, string Usage,
    string[] Architectures, string[] OperatingSystems, (string Os, string Architecture)[] Platforms, string[] Tags, long Pulls, DateTime PushedAt)
{
    public string FullName => $"{Alias}/{Name}";
}

/// <summary>
/// N realistic repositories, deterministically (a fixed seed): publishers with a few hundred to a few thousand
/// repositories, names made of software, component and role words (<c>acme/payments-api-worker</c>), descriptions and
/// markdown About/Usage text drawn from the same vocabulary, platforms, tags, and pulls on a long-tailed curve.
/// </summary>
public static class RepositoryGenerator
{
    public static readonly string[] Software =
    [
        "nginx", "redis", "postgres", "mysql", "mongodb", "python", "node", "golang", "java", "dotnet", "kafka", "rabbitmq", "elasticsearch",
        "grafana", "prometheus", "memcached", "haproxy", "jenkins", "wordpress", "consul", "vault", "etcd", "minio", "airflow", "spark",
        "tensorflow", "pytorch", "cuda", "envoy", "traefik", "fluentd", "logstash", "kibana", "keycloak", "sonarqube", "selenium", "terraform",
        "ansible", "alpine", "ubuntu", "debian", "busybox", "httpd", "tomcat", "caddy", "clickhouse", "cassandra", "zookeeper", "nats", "argo",
    ];

    public static readonly string[] Components = ["api", "worker", "cli", "agent", "proxy", "gateway", "operator", "exporter", "server", "client", "web", "db", "cache", "sidecar", "controller", "scheduler", "runner", "builder", "tools", "base"];

    public static readonly string[] Domains = ["payments", "orders", "billing", "search", "auth", "inventory", "analytics", "media", "chat", "maps", "ledger", "catalog", "shipping", "identity", "metrics", "logging", "ml", "etl", "reports", "notifications"];

    private static readonly string[] Adjectives = ["fast", "minimal", "hardened", "lightweight", "secure", "scalable", "distributed", "official", "slim", "production-ready", "open source", "cloud native"];

    private static readonly string[] Nouns = ["image", "runtime", "service", "database", "message broker", "web server", "reverse proxy", "load balancer", "monitoring stack", "build environment", "machine learning toolkit", "search engine", "object storage", "key-value store", "CI runner"];

    private static readonly string[] Vendors = ["acme", "globex", "initech", "umbrella", "hooli", "stark", "wayne", "wonka", "cyberdyne", "tyrell", "soylent", "aperture", "massive", "vandelay", "oscorp", "monarch", "gringotts", "nakatomi", "duff", "krusty"];

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

    public static IEnumerable<GeneratedRepository> Generate(int count, int seed = 20250101)
    {
        var random = new Random(seed);
        var publishers = Math.Max(1, count / 500);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var p = (int)(Math.Pow(random.NextDouble(), 2) * publishers);
            var alias = $"{Vendors[p % Vendors.Length]}{(p < Vendors.Length ? "" : (p / Vendors.Length).ToString(System.Globalization.CultureInfo.InvariantCulture))}";
            var software = Pick(random, Software);
            var name = random.Next(4) switch
            {
                0 => software,
                1 => $"{software}-{Pick(random, Components)}",
                2 => $"{Pick(random, Domains)}-{Pick(random, Components)}",
                _ => $"{Pick(random, Domains)}/{software}-{Pick(random, Components)}",
            };
            for (var n = 2; !names.Add($"{alias}/{name}"); n++)
            {
                name = $"{name.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9').TrimEnd('-')}-{n}";
            }

            var platforms = PlatformSets[random.Next(PlatformSets.Length)];
            var description = $"A {Pick(random, Adjectives)} {software} {Pick(random, Nouns)} for {Pick(random, Domains)} teams, maintained by {alias}.";
            var about = $"## {software}\n\nThis {Pick(random, Adjectives)} image runs {software} as a {Pick(random, Nouns)}. " +
                $"It is built for {Pick(random, Domains)} and {Pick(random, Domains)} workloads, with {Pick(random, Components)} and {Pick(random, Components)} support.\n\n" +
                "* Small, reproducible builds\n* Non-root by default\n* Signed releases";
            var usage = $"```sh\ndocker pull {alias}/{name}:latest\ndocker run --rm {alias}/{name}:latest {Pick(random, Components)}\n```";
            var tags = Enumerable.Range(0, 1 + random.Next(6)).Select(t => t == 0 ? "latest" : $"{1 + random.Next(5)}.{random.Next(20)}.{t}").Distinct().ToArray();
            var pulls = (long)Math.Pow(10, random.NextDouble() * 7);
            yield return new GeneratedRepository(alias, name, $"{char.ToUpperInvariant(alias[0])}{alias[1..]} Inc.", p % 3 == 0, description, about, usage,
                [.. platforms.Select(pl => ArchitectureName(pl.Architecture)).Distinct()], [.. platforms.Select(pl => pl.Os == "linux" ? "Linux" : "Windows").Distinct()],
                platforms, tags, pulls, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(random.Next(60 * 24 * 365)));
        }
    }

    private static string ArchitectureName(string oci) => oci switch
    {
        "amd64" => "x86-64",
        "arm64" => "ARM 64",
        "arm" => "ARM",
        _ => "x86",
    };

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
