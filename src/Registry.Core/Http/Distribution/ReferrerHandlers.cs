using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Oci;
using Registry.Core.Repositories;

namespace Registry.Core.Http.Distribution;

internal static class ReferrerHandlers
{
    /// <summary>An image index of the manifests whose subject is the digest, optionally only those of one artifactType.</summary>
    public static async Task ListAsync(HttpContext context, RepositoryName name, string reference)
    {
        var subject = RegistryHeaders.ParseDigest(reference);
        // A query string decodes '+' as a space, but media types (application/vnd.example+json) never hold spaces:
        // a client that sent a literal '+' meant it.
        var artifactType = context.Request.Query["artifactType"].ToString().Replace(' ', '+');
        var referrers = await context.RequestServices.GetRequiredService<ReferrerService>()
            .ListAsync(name, subject, artifactType.Length > 0 ? artifactType : null, context.RequestAborted);
        if (artifactType.Length > 0)
        {
            context.Response.Headers[RegistryHeaders.OciFiltersApplied] = "artifactType";
        }

        var index = new
        {
            schemaVersion = 2,
            mediaType = MediaTypes.OciIndex,
            manifests = referrers.Select(r => new { r.MediaType, r.Digest, r.Size, r.ArtifactType, r.Annotations }),
        };
        await context.Response.WriteAsJsonAsync(index, ReferrerJson.Options, MediaTypes.OciIndex, context.RequestAborted);
    }
}

internal static class ReferrerJson
{
    public static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
