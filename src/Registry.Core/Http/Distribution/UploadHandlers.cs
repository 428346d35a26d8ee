using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Data.Entities;
using Registry.Core.Oci;
using Registry.Core.Repositories;

namespace Registry.Core.Http.Distribution;

/// <summary>POST, PATCH, PUT, GET and DELETE of blob uploads, including monolithic uploads and cross-repository mounts.</summary>
internal static class UploadHandlers
{
    public static async Task StartAsync(HttpContext context, RepositoryName name)
    {
        var query = context.Request.Query;
        var uploads = context.RequestServices.GetRequiredService<UploadService>();
        if (query.ContainsKey("mount") && await TryMountAsync(context, name))
        {
            return;
        }

        if (query.ContainsKey("digest"))
        {
            var digest = RegistryHeaders.ParseDigest(query["digest"]);
            AllowLargeBody(context);
            await uploads.UploadMonolithicAsync(name, digest, context.Request.Body, context.RequestAborted);
            BlobCreated(context, name, digest);
            return;
        }

        var session = await uploads.StartAsync(name, context.RequestAborted);
        UploadAccepted(context, name, session, StatusCodes.Status202Accepted);
    }

    public static async Task StatusAsync(HttpContext context, RepositoryName name, string uploadId)
    {
        var session = await context.RequestServices.GetRequiredService<UploadService>().GetAsync(name, uploadId, context.RequestAborted);
        UploadAccepted(context, name, session, StatusCodes.Status204NoContent);
    }

    public static async Task PatchAsync(HttpContext context, RepositoryName name, string uploadId)
    {
        var uploads = context.RequestServices.GetRequiredService<UploadService>();
        AllowLargeBody(context);
        try
        {
            var session = await uploads.AppendAsync(name, uploadId, context.Request.Body, ContentRangeHeader(context), context.Request.ContentLength, context.RequestAborted);
            UploadAccepted(context, name, session, StatusCodes.Status202Accepted);
        }
        catch (RegistryException e) when (e.Error == OciErrorCode.RangeInvalid)
        {
            // Tell the client where the upload really is, so it can resume.
            var current = await uploads.GetAsync(name, uploadId, context.RequestAborted);
            context.Response.Headers.Location = RegistryHeaders.UploadLocation(name, current.Id);
            context.Response.Headers.Range = RegistryHeaders.UploadRange(current.Size);
            context.Response.Headers[RegistryHeaders.UploadUuid] = current.Id.ToString("N");
            throw;
        }
    }

    public static async Task CompleteAsync(HttpContext context, RepositoryName name, string uploadId)
    {
        var digest = RegistryHeaders.ParseDigest(context.Request.Query["digest"]);
        AllowLargeBody(context);
        var contentLength = context.Request.ContentLength ?? (context.Request.Headers.TransferEncoding.Count == 0 ? 0 : null);
        await context.RequestServices.GetRequiredService<UploadService>()
            .CompleteAsync(name, uploadId, digest, context.Request.Body, ContentRangeHeader(context), contentLength, context.RequestAborted);
        BlobCreated(context, name, digest);
    }

    public static async Task CancelAsync(HttpContext context, RepositoryName name, string uploadId)
    {
        await context.RequestServices.GetRequiredService<UploadService>().CancelAsync(name, uploadId, context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    /// <summary>A mount that cannot be done, a malformed digest or source included, falls back to an upload session, as the spec asks.</summary>
    private static async Task<bool> TryMountAsync(HttpContext context, RepositoryName name)
    {
        var from = context.Request.Query["from"].ToString();
        RepositoryName? source = null;
        if (!Digest.TryParse(context.Request.Query["mount"], out var digest, out _) || (from.Length > 0 && !RepositoryName.TryParse(from, out source, out _)))
        {
            return false;
        }

        if (source is null || !await context.RequestServices.GetRequiredService<BlobService>().MountAsync(name, digest, source, context.RequestAborted))
        {
            return false;
        }

        BlobCreated(context, name, digest);
        return true;
    }

    private static void BlobCreated(HttpContext context, RepositoryName name, Digest digest)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status201Created;
        response.Headers.Location = RegistryHeaders.BlobLocation(name, digest);
        response.Headers[RegistryHeaders.ContentDigest] = digest.ToString();
        response.ContentLength = 0;
    }

    private static void UploadAccepted(HttpContext context, RepositoryName name, UploadSession session, int status)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.Headers.Location = RegistryHeaders.UploadLocation(name, session.Id);
        response.Headers.Range = RegistryHeaders.UploadRange(session.Size);
        response.Headers[RegistryHeaders.UploadUuid] = session.Id.ToString("N");
        if (status != StatusCodes.Status204NoContent)
        {
            response.ContentLength = 0;
        }
    }

    private static string? ContentRangeHeader(HttpContext context) =>
        context.Request.Headers.ContentRange.Count > 0 ? context.Request.Headers.ContentRange.ToString() : null;

    /// <summary>Blob bodies are limited by the registry's layer limit while they stream, not by the server's default body cap.</summary>
    private static void AllowLargeBody(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }
    }
}
