using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Gallery.Web.Assets;

/// <summary>
/// <c>GET /assets/&lt;path&gt;</c>: the files of <c>wwwroot-assets/</c> (copied next to the assembly), with caching
/// headers, ETag/Last-Modified and ranges. An endpoint rather than the static-files middleware, because the
/// repository pages' catch-all route would otherwise claim these paths first.
/// </summary>
public static class AssetEndpoints
{
    public const string PathPrefix = "/assets";

    public const string CacheControl = "public, max-age=86400, stale-while-revalidate=604800";

    public static IEndpointRouteBuilder MapGalleryAssets(this IEndpointRouteBuilder app, string? root = null)
    {
        var files = new PhysicalFileProvider(root ?? Path.Combine(AppContext.BaseDirectory, "wwwroot-assets"));
        var types = new FileExtensionContentTypeProvider();
        app.MapMethods(PathPrefix + "/{**path}", ["GET", "HEAD"], (string? path, HttpContext context) =>
        {
            // No path (/assets/) is a missing file too, not a request the binder refuses with a 400.
            var file = files.GetFileInfo(path ?? "");
            if (!file.Exists || file.IsDirectory || file.PhysicalPath is null)
            {
                return Results.NotFound();
            }

            context.Response.Headers[HeaderNames.CacheControl] = CacheControl;
            var etag = new EntityTagHeaderValue($"\"{file.LastModified.UtcTicks:x}-{file.Length:x}\"");
            return Results.File(file.PhysicalPath, types.TryGetContentType(file.Name, out var type) ? type : "application/octet-stream",
                lastModified: file.LastModified, entityTag: etag, enableRangeProcessing: true);
        });
        return app;
    }
}
