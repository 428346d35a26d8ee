using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Registry.Core.Diagnostics;
using Registry.Core.Oci;
using Registry.Core.Repositories;

namespace Registry.Core.Http.Distribution;

internal static class ManifestHandlers
{
    public static async Task GetAsync(HttpContext context, RepositoryName name, string reference)
    {
        var manifestRef = ParseForRead(reference);
        var manifest = await context.RequestServices.GetRequiredService<ManifestService>().GetAsync(name, manifestRef, context.RequestAborted);
        if (manifestRef.Tag is not null && !ManifestNegotiation.Accepts(context.Request.Headers.Accept, manifest.MediaType))
        {
            throw new RegistryException(OciErrorCode.ManifestUnknown,
                $"tag '{manifestRef.Tag}' is a {manifest.MediaType}, which the request's Accept header does not include", new { mediaType = manifest.MediaType });
        }

        var response = context.Response;
        var etag = $"\"{manifest.Digest}\"";
        response.Headers[RegistryHeaders.ContentDigest] = manifest.Digest.ToString();
        response.Headers.ETag = etag;
        response.ContentType = manifest.MediaType;
        if (ConditionalRequest.IsNotModified(context.Request, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.ContentLength = manifest.Content.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(manifest.Content, context.RequestAborted);
            context.RequestServices.GetRequiredService<PullCounter>().Record(name.FullName, manifestRef.Tag);
            context.RequestServices.GetRequiredService<RegistryMetrics>().Pulled();
        }
    }

    public static async Task PutAsync(HttpContext context, RepositoryName name, string reference)
    {
        var manifestRef = ManifestRef.Parse(reference);
        RequireManifestContentType(context.Request.ContentType);
        var limit = context.RequestServices.GetRequiredService<IOptions<RegistryOptions>>().Value.Limits.MaxManifestBytes;
        var content = await ReadBoundedAsync(context, limit);
        var pushed = await context.RequestServices.GetRequiredService<ManifestService>().PutAsync(name, manifestRef, content, context.Request.ContentType, context.RequestAborted);

        var response = context.Response;
        response.StatusCode = StatusCodes.Status201Created;
        response.Headers.Location = RegistryHeaders.ManifestLocation(name, pushed.Digest);
        response.Headers[RegistryHeaders.ContentDigest] = pushed.Digest.ToString();
        if (pushed.Subject is { } subject)
        {
            response.Headers[RegistryHeaders.OciSubject] = subject.ToString();
        }

        response.ContentLength = 0;
    }

    /// <summary>
    /// The spec's content negotiation: a manifest is sent with its media type as Content-Type. Anything else (none,
    /// application/json, application/octet-stream) is refused before the body is read. Schema 1 types go on to the
    /// parser, which says why they are refused.
    /// </summary>
    private static void RequireManifestContentType(string? contentType)
    {
        var essence = MediaTypes.Essence(contentType);
        if (!MediaTypes.IsSupportedManifest(essence) && !MediaTypes.IsSchema1(essence))
        {
            throw new RegistryException(OciErrorCode.ManifestInvalid,
                $"Content-Type '{DisplayText.Shorten(contentType ?? "")}' is not a manifest media type; send the manifest's own mediaType "
                + $"({MediaTypes.OciManifest}, {MediaTypes.OciIndex}, {MediaTypes.DockerManifest} or {MediaTypes.DockerManifestList})",
                new { contentType = DisplayText.Shorten(contentType ?? "") });
        }
    }

    public static async Task DeleteAsync(HttpContext context, RepositoryName name, string reference)
    {
        await context.RequestServices.GetRequiredService<ManifestService>().DeleteAsync(name, ParseForRead(reference), context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status202Accepted;
        context.Response.ContentLength = 0;
    }

    /// <summary>A tag that could never have been pushed is simply unknown.</summary>
    private static ManifestRef ParseForRead(string reference)
    {
        try
        {
            return ManifestRef.Parse(reference);
        }
        catch (RegistryException e) when (e.Error == OciErrorCode.ManifestInvalid)
        {
            throw new RegistryException(OciErrorCode.ManifestUnknown, e.Message, e.Detail);
        }
    }

    private static async Task<byte[]> ReadBoundedAsync(HttpContext context, long limit)
    {
        if (context.Request.ContentLength > limit)
        {
            throw new RegistryException(OciErrorCode.TooLarge, $"manifests are limited to {limit} bytes; this one is {context.Request.ContentLength}");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new RegistryException(OciErrorCode.TooLarge, $"manifests are limited to {limit} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
