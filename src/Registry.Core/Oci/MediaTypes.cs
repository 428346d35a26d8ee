using System.Text.RegularExpressions;

namespace Registry.Core.Oci;

public static partial class MediaTypes
{
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";
    public const string OciImageConfig = "application/vnd.oci.image.config.v1+json";
    public const string OciEmpty = "application/vnd.oci.empty.v1+json";
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";
    public const string DockerImageConfig = "application/vnd.docker.container.image.v1+json";
    public const string DockerSchema1 = "application/vnd.docker.distribution.manifest.v1+json";
    public const string DockerSchema1Signed = "application/vnd.docker.distribution.manifest.v1+prettyjws";
    public const string DockerForeignLayer = "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip";
    public const string OciNondistributablePrefix = "application/vnd.oci.image.layer.nondistributable.";

    public static bool IsIndex(string mediaType) => mediaType is OciIndex or DockerManifestList;

    public static bool IsImageManifest(string mediaType) => mediaType is OciManifest or DockerManifest;

    public static bool IsSupportedManifest(string mediaType) => IsIndex(mediaType) || IsImageManifest(mediaType);

    public static bool IsSchema1(string mediaType) => mediaType is DockerSchema1 or DockerSchema1Signed;

    public static bool IsImageConfig(string mediaType) => mediaType is OciImageConfig or DockerImageConfig;

    /// <summary>Layers whose content lives elsewhere (Windows base layers); a registry does not hold them.</summary>
    public static bool IsForeignLayer(string mediaType) =>
        mediaType == DockerForeignLayer || mediaType.StartsWith(OciNondistributablePrefix, StringComparison.Ordinal);

    /// <summary>The media type without parameters, e.g. "application/json; charset=utf-8" → "application/json".</summary>
    public static string Essence(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return "";
        }

        var semicolon = contentType.IndexOf(';');
        return (semicolon < 0 ? contentType : contentType[..semicolon]).Trim().ToLowerInvariant();
    }

    /// <summary>
    /// A media type as RFC 6838 names them (section 4.2: type and subtype of 1–127 characters from its set), as OCI
    /// requires of artifact types; parameters after ';' are not looked at.
    /// </summary>
    public static bool IsWellFormed(string mediaType) => RestrictedName().IsMatch(Essence(mediaType));

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$")]
    private static partial Regex RestrictedName();
}
