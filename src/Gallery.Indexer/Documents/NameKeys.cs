namespace Gallery.Indexer.Documents;

/// <summary>The untokenised forms of a repository name that a search text may equal, or start, as a whole.</summary>
public static class NameKeys
{
    /// <summary>Docker's namespace for its official images: <c>docker/library/nginx</c> is nginx as a whole.</summary>
    private const string Library = "library/";

    /// <summary>The name inside the alias, and without a leading <c>library/</c>, lower-cased.</summary>
    public static IEnumerable<string> Whole(string name)
    {
        var lower = name.ToLowerInvariant();
        yield return lower;
        if (lower.StartsWith(Library, StringComparison.Ordinal) && lower.Length > Library.Length)
        {
            yield return lower[Library.Length..];
        }
    }

    /// <summary>The last <c>/</c> part of the name, lower-cased.</summary>
    public static string LastPart(string name) => name[(name.LastIndexOf('/') + 1)..].ToLowerInvariant();

    /// <summary>
    /// The original of its software: a publisher's namesake (<c>grafana/grafana</c>, <c>aws-cli/aws-cli</c>), or a
    /// verified publisher's <c>library/</c> image (Docker's official images, <c>docker/library/nginx</c>).
    /// </summary>
    public static bool IsOriginal(string alias, string name, bool verified) =>
        string.Equals(alias, name, StringComparison.OrdinalIgnoreCase) || (verified && name.StartsWith(Library, StringComparison.OrdinalIgnoreCase));
}
