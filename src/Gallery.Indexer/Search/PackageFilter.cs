using Gallery.Indexer.Documents;

namespace Gallery.Indexer.Search;

/// <summary>
/// <c>package=&lt;name&gt;</c> or <c>&lt;name&gt;@&lt;version prefix&gt;</c> (the last <c>@</c> after the first character
/// splits them, so npm's <c>@babel/core@7</c> works), lower-cased.
/// </summary>
public sealed record PackageFilter(string Name, string? VersionPrefix)
{
    public const int MaxLength = 256;

    /// <returns>The filter, or null with the reason in <paramref name="problem"/>.</returns>
    public static PackageFilter? TryParse(string? text, out string? problem)
    {
        problem = null;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            problem = "a package name, optionally followed by @ and the start of a version (zlib, zlib@1.2)";
            return null;
        }

        if (value.Length > MaxLength)
        {
            problem = $"at most {MaxLength} characters";
            return null;
        }

        if (value.Any(char.IsControl))
        {
            problem = "no control characters";
            return null;
        }

        var at = value.LastIndexOf('@');
        var name = at > 0 ? value[..at] : value;
        var version = at > 0 ? value[(at + 1)..].Trim() : null;
        name = PackageMap.Normalize(name);
        if (name.Length == 0)
        {
            problem = "a package name before the @";
            return null;
        }

        return new PackageFilter(name, string.IsNullOrEmpty(version) ? null : version.ToLowerInvariant());
    }

    /// <summary>The index term (a name) or term prefix (<c>name@version prefix</c>) this filter looks for.</summary>
    public string Term => VersionPrefix is null ? Name : $"{Name}@{VersionPrefix}";

    public override string ToString() => Term;
}
