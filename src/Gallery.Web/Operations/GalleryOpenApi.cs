using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Gallery.Web.Operations;

/// <summary>
/// <c>GET /openapi/v1.json</c>: an OpenAPI 3.1 description of every endpoint under <c>/api/</c>, generated from the
/// endpoints themselves (a minimal API mapped under /api appears without further work; its parameters, answers and
/// error documents come from its signature and its Produces metadata). HEAD, which every GET also answers, is left out.
/// </summary>
internal static class GalleryOpenApi
{
    public const string DocumentUrl = "/openapi/v1.json";

    public static IServiceCollection AddGalleryOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true
                && !string.Equals(description.HttpMethod, "HEAD", StringComparison.OrdinalIgnoreCase);
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Gallery API",
                    Version = "v1",
                    Description = "The gallery's JSON API under /api/. The registry's own APIs (OCI Distribution under /v2/, "
                        + "the ECR Public JSON API) follow their published specifications and are not described here.",
                };
                return Task.CompletedTask;
            });

            // JSON answers leave out absent values rather than send nulls: a property that may be null is optional.
            options.AddSchemaTransformer((schema, _, _) =>
            {
                if (schema.Required is { Count: > 0 } required && schema.Properties is { } properties)
                {
                    foreach (var name in required.Where(name => properties.TryGetValue(name, out var property)
                        && property.Type is { } type && type.HasFlag(JsonSchemaType.Null)).ToList())
                    {
                        required.Remove(name);
                    }
                }

                return Task.CompletedTask;
            });
        });

    public static IEndpointRouteBuilder MapGalleryOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(DocumentUrl).ExcludeFromDescription();
        return app;
    }
}
