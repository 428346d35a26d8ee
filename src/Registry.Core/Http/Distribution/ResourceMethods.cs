namespace Registry.Core.Http.Distribution;

/// <summary>
/// The methods each /v2/ resource answers, as the Allow header lists them (on 405 and OPTIONS). HEAD goes wherever
/// GET does, as HTTP requires of every general-purpose server.
/// </summary>
internal static class ResourceMethods
{
    public static string Allowed(RouteKind kind) => kind switch
    {
        RouteKind.Base or RouteKind.Catalog or RouteKind.Tags or RouteKind.Referrers => "GET, HEAD, OPTIONS",
        RouteKind.Manifest => "GET, HEAD, PUT, DELETE, OPTIONS",
        RouteKind.Blob => "GET, HEAD, DELETE, OPTIONS",
        RouteKind.UploadStart => "POST, OPTIONS",
        RouteKind.Upload => "GET, HEAD, PATCH, PUT, DELETE, OPTIONS",
        _ => "",
    };
}
