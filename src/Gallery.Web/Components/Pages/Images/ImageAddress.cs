using Registry.Core.Oci;

namespace Gallery.Web.Components.Pages.Images;

/// <summary>
/// An image page's address, <c>/&lt;alias&gt;/&lt;name&gt;/images/&lt;digest&gt;</c>, arrives through the repository
/// page's catch-all route. A repository name cannot hold ':', so a last segment with one after <c>/images/</c> is a digest.
/// </summary>
public static class ImageAddress
{
    private const string Marker = "/images/";

    /// <summary>Splits the route's name into the repository's name and the digest text, when it is an image page's.</summary>
    public static bool TryParse(string? name, out string repositoryName, out string digest)
    {
        repositoryName = "";
        digest = "";
        var trimmed = name?.Trim('/') ?? "";
        var at = trimmed.LastIndexOf(Marker, StringComparison.Ordinal);
        if (at <= 0 || !trimmed[(at + Marker.Length)..].Contains(':') || trimmed[(at + Marker.Length)..].Contains('/'))
        {
            return false;
        }

        repositoryName = trimmed[..at];
        digest = trimmed[(at + Marker.Length)..];
        return true;
    }

    public static string PathOf(string fullName, string digest) => $"/{fullName}/images/{digest}";

    public static bool IsDigest(string digest) => Digest.TryParse(digest, out _, out _);
}
