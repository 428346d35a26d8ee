using System.Text.RegularExpressions;

namespace Gallery.Web.Components.Pages.Search;

/// <summary>
/// Recognises an image reference pasted into the search box: <c>alias/name:tag</c>, <c>alias/name@sha256:…</c>
/// (optionally after a registry host, as in <c>localhost:5000/alias/name:tag</c>, where the tag may be left out), or a
/// bare <c>sha256:…</c> digest; a copied pull command (<c>docker pull …</c>) counts as its reference.
/// </summary>
public sealed partial record ImageReference(string? FullName, string? Tag, string? Digest)
{
    public static ImageReference? Parse(string? text)
    {
        text = PullCommand().Replace(text?.Trim() ?? "", "");
        if (string.IsNullOrEmpty(text) || text.Any(char.IsWhiteSpace))
        {
            return null;
        }

        if (BareDigest().IsMatch(text))
        {
            return new ImageReference(null, null, text.ToLowerInvariant());
        }

        var match = Reference().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var path = match.Groups["path"].Value;
        var segments = path.Split('/');
        // A first segment with a dot, a port or "localhost" is a registry host, not an alias.
        var hasHost = segments.Length > 2 && (segments[0].Contains('.') || segments[0].Contains(':') || segments[0] == "localhost");
        if (hasHost)
        {
            path = string.Join('/', segments[1..]);
        }

        var tag = match.Groups["tag"].Success ? match.Groups["tag"].Value : null;
        var digest = match.Groups["digest"].Success ? match.Groups["digest"].Value.ToLowerInvariant() : null;
        // Without a host, a tag or a digest, alias/name is search text (its exact match ranks first anyway).
        return tag is null && digest is null && !hasHost ? null : new ImageReference(path, tag, digest);
    }

    [GeneratedRegex(@"^(?:docker|podman|nerdctl|finch)\s+(?:image\s+)?pull\s+", RegexOptions.IgnoreCase)]
    private static partial Regex PullCommand();

    [GeneratedRegex("^sha256:[0-9a-fA-F]{64}$")]
    private static partial Regex BareDigest();

    [GeneratedRegex(@"^(?<path>[A-Za-z0-9._:-]+(?:/[a-z0-9._-]+)+?)(?::(?<tag>[A-Za-z0-9_][A-Za-z0-9._-]{0,127}))?(?:@(?<digest>sha256:[0-9a-fA-F]{64}))?$")]
    private static partial Regex Reference();
}
