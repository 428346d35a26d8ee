using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Registry.Core.Access;
using Registry.Core.Oci;
using Registry.Core.Repositories.CatalogData;
using Registry.Core.Storage;

namespace Registry.Core.Http.EcrPublic;

/// <summary>
/// <c>GET /api/logos/&lt;digest&gt;</c> (and HEAD): a repository logo (the <c>logoUrl</c> of catalog data) or a registry logo,
/// public and immutable. Only digests some repository or registry names as its logo are served, never other blobs.
/// </summary>
internal static class LogoEndpoints
{
    public const string PathPrefix = "/api/logos/";

    public static string Url(string baseUrl, string digest) => baseUrl + PathPrefix + digest;

    public static IEndpointRouteBuilder MapLogoImages(this IEndpointRouteBuilder app)
    {
        app.MapMethods(PathPrefix + "{digest}", ["GET", "HEAD"], GetAsync).WithName("GetLogo")
            .WithSummary("A repository's or a registry's logo, by the digest its logoUrl names")
            .Produces(StatusCodes.Status200OK, contentType: "image/png", additionalContentTypes: ["image/jpeg"])
            .Produces(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> GetAsync(
        string digest, RepositoryCatalogService catalog, RegistrySettingsService registries, IBlobStore store, CancellationToken cancellationToken)
    {
        if (!Digest.TryParse(digest, out var parsed, out _)
            || (await catalog.FindLogoMediaTypeAsync(parsed.ToString(), cancellationToken)
                ?? await registries.FindLogoMediaTypeAsync(parsed.ToString(), cancellationToken)) is not { } mediaType)
        {
            return Results.NotFound();
        }

        var content = await store.OpenReadAsync(parsed, null, cancellationToken);
        if (content is null)
        {
            return Results.NotFound();
        }

        return new ImmutableResult(Results.Stream(content, mediaType, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{parsed}\"")));
    }

    /// <summary>Adds the long-lived cache header a content-addressed resource deserves.</summary>
    private sealed class ImmutableResult(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            httpContext.Response.Headers.XContentTypeOptions = "nosniff";
            return inner.ExecuteAsync(httpContext);
        }
    }
}
