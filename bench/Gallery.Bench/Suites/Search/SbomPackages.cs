namespace Gallery.Bench.Suites.Search;

/// <summary>
/// SBOM packages for a tenth of a generated catalog (every tenth repository), deterministically and without touching
/// the catalog's own random sequence: 40 to 400 packages each, drawn with a skew from a universe of common
/// distribution packages and generated library names (a few are in most images, most in few), with versions that vary
/// between images, plus the repository's own application package (<c>app-&lt;n&gt;</c>), which only it ships.
/// </summary>
public static class SbomPackages
{
    private static readonly string[] Common =
    [
        "zlib", "openssl", "libcrypto3", "libssl3", "musl", "busybox", "ca-certificates", "alpine-baselayout", "apk-tools", "libc6",
        "libgcc", "libstdc++", "ncurses", "readline", "bash", "coreutils", "tzdata", "curl", "libcurl", "expat", "sqlite-libs",
        "pcre2", "xz-libs", "bzip2", "libffi", "gnupg", "krb5-libs", "libxml2", "glib", "python3", "py3-pip", "nodejs", "npm",
        "golang.org/x/net", "golang.org/x/crypto", "github.com/sirupsen/logrus", "github.com/spf13/cobra", "google.golang.org/grpc",
        "org.apache.logging.log4j:log4j-core", "com.fasterxml.jackson.core:jackson-databind", "requests", "urllib3", "certifi", "lodash",
    ];

    private static readonly string[] Stems = ["yaml", "json", "http", "xml", "crypt", "ssl", "uv", "event", "proto", "grpc", "zstd", "lz4", "pq", "mysql", "redis", "png", "jpeg", "tiff", "icu", "idn"];

    /// <summary>The universe: the common packages first (drawn most often), then 2,000 generated library names.</summary>
    public static readonly string[] Universe = [.. Common, .. Enumerable.Range(0, 2000).Select(i => $"lib{Stems[i % Stems.Length]}{i / Stems.Length}")];

    public static bool Carries(int index) => index % 10 == 0;

    /// <summary>The application package only repository <paramref name="index"/> ships.</summary>
    public static string Own(int index) => $"app-{index}";

    public static (string Name, string Version)[] For(int index, int seed = 424242)
    {
        if (!Carries(index))
        {
            return [];
        }

        var random = new Random(seed + index);
        var count = 40 + random.Next(361);
        var packages = new Dictionary<string, string>(StringComparer.Ordinal) { [Own(index)] = $"{1 + index % 3}.{index % 17}.0" };
        while (packages.Count < count)
        {
            // Skewed: squaring a uniform draw favours the start of the universe (the common packages).
            var name = Universe[(int)(Math.Pow(random.NextDouble(), 3) * Universe.Length)];
            packages.TryAdd(name, $"{random.Next(4)}.{random.Next(20)}.{random.Next(30)}");
        }

        return [.. packages.Select(p => (p.Key, p.Value))];
    }
}
