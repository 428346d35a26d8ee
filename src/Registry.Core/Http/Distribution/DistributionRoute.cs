namespace Registry.Core.Http.Distribution;

public enum RouteKind
{
    Base,
    Catalog,
    Tags,
    Manifest,
    Blob,
    UploadStart,
    Upload,
    Referrers,
    Unknown,
}

/// <summary>
/// A /v2/ path taken apart. Repository names contain slashes, so the resource is recognised from the end of the
/// path (…/manifests/&lt;ref&gt;, …/blobs/uploads/&lt;id&gt;, …/tags/list) and everything before it is the name.
/// </summary>
public sealed record DistributionRoute(RouteKind Kind, string Name = "", string Reference = "")
{
    public static DistributionRoute Parse(string pathAfterV2)
    {
        if (pathAfterV2.Length == 0)
        {
            return new DistributionRoute(RouteKind.Base);
        }

        if (pathAfterV2 == "_catalog")
        {
            return new DistributionRoute(RouteKind.Catalog);
        }

        var segments = pathAfterV2.Split('/');
        var n = segments.Length;
        return n switch
        {
            >= 3 when segments[n - 2] == "tags" && segments[n - 1] == "list" => Named(RouteKind.Tags, segments, 2, ""),
            >= 3 when segments[n - 2] == "manifests" => Named(RouteKind.Manifest, segments, 2, segments[n - 1]),
            >= 3 when segments[n - 2] == "referrers" => Named(RouteKind.Referrers, segments, 2, segments[n - 1]),
            >= 4 when segments[n - 3] == "blobs" && segments[n - 2] == "uploads" && segments[n - 1].Length == 0 => Named(RouteKind.UploadStart, segments, 3, ""),
            >= 4 when segments[n - 3] == "blobs" && segments[n - 2] == "uploads" => Named(RouteKind.Upload, segments, 3, segments[n - 1]),
            >= 3 when segments[n - 2] == "blobs" && segments[n - 1] == "uploads" => Named(RouteKind.UploadStart, segments, 2, ""),
            >= 3 when segments[n - 2] == "blobs" => Named(RouteKind.Blob, segments, 2, segments[n - 1]),
            _ => new DistributionRoute(RouteKind.Unknown),
        };
    }

    private static DistributionRoute Named(RouteKind kind, string[] segments, int suffixLength, string reference) =>
        new(kind, string.Join('/', segments[..^suffixLength]), reference);
}
