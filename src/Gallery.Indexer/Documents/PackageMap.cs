using System.Text;
using Gallery.Indexer.Artifacts;
using Gallery.Indexer.Search;

namespace Gallery.Indexer.Documents;

/// <summary>
/// The packages a repository's current tags ship, as the index keeps them: one keyword term per lower-cased name and
/// one per <c>name@version</c> (<see cref="IndexFields.Package"/>), and a compact stored map (<see cref="IndexFields.PackageMap"/>)
/// that says, for a hit, which version and which tags matched. At most <see cref="MaxEntries"/> name and version pairs
/// per repository (by name), each with up to <see cref="MaxTagsPerEntry"/> tags.
/// </summary>
public sealed record PackageMap(IReadOnlyList<PackageMap.Entry> Entries)
{
    public const int MaxEntries = 5_000;
    public const int MaxTagsPerEntry = 5;
    public const int MaxNameLength = 256;

    /// <summary>A package name (as its SBOM spells it), a version (or none), and tags whose images ship it.</summary>
    public sealed record Entry(string Name, string? Version, IReadOnlyList<string> Tags);

    public static PackageMap Empty { get; } = new([]);

    public static PackageMap Of(IEnumerable<TagPackage> packages) => new(packages
        .Select(p => (Name: Clean(p.Name), Version: Clean(p.Version), p.Tag))
        .Where(p => p.Name is not null)
        .GroupBy(p => (Key: Normalize(p.Name!), Version: p.Version?.ToLowerInvariant()))
        .OrderBy(g => g.Key.Key, StringComparer.Ordinal).ThenBy(g => g.Key.Version, StringComparer.Ordinal)
        .Take(MaxEntries)
        .Select(g => new Entry(g.First().Name!, g.First().Version, g.Select(p => p.Tag).Distinct().Order(StringComparer.Ordinal).Take(MaxTagsPerEntry).ToList()))
        .ToList());

    /// <summary>How names are compared: lower case (SBOMs spell <c>OpenSSL</c> and <c>openssl</c> alike).</summary>
    public static string Normalize(string name) => name.Trim().ToLowerInvariant();

    /// <summary>The terms a document gets: each name, and each name@version.</summary>
    public IEnumerable<string> Terms() => Entries
        .SelectMany(e => e.Version is null ? [Normalize(e.Name)] : new[] { Normalize(e.Name), $"{Normalize(e.Name)}@{e.Version.ToLowerInvariant()}" })
        .Distinct(StringComparer.Ordinal);

    /// <summary>The entries a <c>package=</c> filter matched: the name, and a version starting with the prefix when one is given.</summary>
    public IReadOnlyList<Entry> Matching(PackageFilter filter) => Entries
        .Where(e => Normalize(e.Name) == filter.Name
            && (filter.VersionPrefix is null || (e.Version ?? "").StartsWith(filter.VersionPrefix, StringComparison.OrdinalIgnoreCase)))
        .ToList();

    /// <summary>
    /// The tag lists first, once each (most packages of a repository are shipped by the same tags), tab-separated on the
    /// first line; then one line per entry: name, version, the index of its tag list. Tags hold neither tabs nor commas.
    /// </summary>
    public byte[] Encode()
    {
        var sets = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = new StringBuilder();
        foreach (var e in Entries)
        {
            var tags = string.Join(',', e.Tags);
            if (!sets.TryGetValue(tags, out var set))
            {
                sets[tags] = set = sets.Count;
            }

            lines.Append(e.Name).Append('\t').Append(e.Version).Append('\t').Append(set).Append('\n');
        }

        return Encoding.UTF8.GetBytes(string.Join('\t', sets.Keys) + "\n" + lines);
    }

    public static PackageMap Decode(byte[]? bytes)
    {
        if (bytes is null || bytes.Length == 0)
        {
            return Empty;
        }

        var lines = Encoding.UTF8.GetString(bytes).Split('\n');
        var sets = lines[0].Split('\t').Select(t => (IReadOnlyList<string>)t.Split(',', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var entries = new List<Entry>();
        foreach (var line in lines.Skip(1))
        {
            var parts = line.Split('\t');
            if (parts.Length == 3 && int.TryParse(parts[2], out var set) && set >= 0 && set < sets.Count)
            {
                entries.Add(new Entry(parts[0], parts[1].Length == 0 ? null : parts[1], sets[set]));
            }
        }

        return new PackageMap(entries);
    }

    /// <summary>Text an SBOM gave, as the map can hold it: no tabs or line breaks, bounded, blank as none.</summary>
    private static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var clean = value.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ').Trim();
        return clean.Length <= MaxNameLength ? clean : clean[..MaxNameLength];
    }
}
