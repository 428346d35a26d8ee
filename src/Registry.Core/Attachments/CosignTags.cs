using System.Text.RegularExpressions;
using Registry.Core.Data.Entities;

namespace Registry.Core.Attachments;

/// <summary>
/// Cosign's tag scheme: <c>sha256-&lt;64 hex&gt;.sig</c>, <c>.att</c> and <c>.sbom</c> attach what they point at to the
/// image <c>sha256:&lt;hex&gt;</c>. Such tags are attachments, not versions: the gallery hides them from tag lists.
/// </summary>
public static partial class CosignTags
{
    public static bool IsCosignTag(string tag) => Pattern().IsMatch(tag);

    /// <summary>The image a cosign tag attaches to and the tag's suffix (sig, att, sbom), or null.</summary>
    public static (string Subject, string Suffix)? Parse(string tag) =>
        Pattern().Match(tag) is { Success: true } m ? ($"sha256:{m.Groups[1].Value}", m.Groups[2].Value) : null;

    /// <summary>
    /// Tags that are not cosign's, in SQL: the prefix, a suffix and the exact lengths (75 or 76 characters) stand for
    /// the pattern, since the hex digits cannot be checked portably.
    /// </summary>
    public static IQueryable<Tag> WithoutCosignTags(this IQueryable<Tag> tags) =>
        tags.Where(t => !(t.Name.StartsWith("sha256-")
            && ((t.Name.Length == 75 && (t.Name.EndsWith(".sig") || t.Name.EndsWith(".att"))) || (t.Name.Length == 76 && t.Name.EndsWith(".sbom")))));

    [GeneratedRegex("^sha256-([0-9a-f]{64})\\.(sig|att|sbom)$")]
    private static partial Regex Pattern();
}
