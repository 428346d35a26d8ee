using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Registry.Core.Access;
using Registry.Core.Events;
using Registry.Core.Oci;
using Registry.Core.Repositories;
using Registry.Core.Storage;

namespace Registry.Core.Http.Distribution;

/// <summary>
/// The OCI Distribution API under /v2/. One catch-all endpoint takes the path apart (names contain slashes) and
/// hands the request to the handler for its resource and method; refusals become the spec's error bodies here, once.
/// </summary>
public static class DistributionEndpoints
{
    public const string ApiVersionHeader = "Docker-Distribution-API-Version";

    /// <summary>When a client should try again after the blob store did not answer.</summary>
    private const string BlobStoreRetryAfterSeconds = "5";

    public static IEndpointRouteBuilder MapDistribution(this IEndpointRouteBuilder app)
    {
        app.Map("/v2", HandleAsync);
        app.Map("/v2/{**path}", HandleAsync);
        return app;
    }

    private static async Task HandleAsync(HttpContext context)
    {
        context.Response.Headers[ApiVersionHeader] = "registry/2.0";
        var path = context.Request.Path.Value ?? "";
        var route = DistributionRoute.Parse(path.Length > 4 ? path[4..] : "");
        try
        {
            if (route.Name.Length > 0)
            {
                // Names under a registry's default alias are the same repositories as under its primary alias.
                route = route with { Name = await context.RequestServices.GetRequiredService<DefaultAliases>().CanonicalNameAsync(route.Name, context.RequestAborted) };
            }

            var grant = await RegistryAuthorization.AuthorizeAsync(context, route);
            // Only writes record events, so only they need to know who acts (pulls stay as cheap as they were).
            if (grant.Actor is { } actor && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
            {
                context.RequestServices.GetRequiredService<EventActor>().Set(actor);
            }

            if (route.Kind == RouteKind.Manifest && HttpMethods.IsGet(context.Request.Method))
            {
                await context.RequestServices.GetRequiredService<PullRateLimiter>().AcquireAsync(context, grant);
            }

            await DispatchAsync(context, route);
        }
        catch (RegistryException e) when (!context.Response.HasStarted)
        {
            await OciErrorResponse.WriteAsync(context, e);
        }
        catch (BlobStoreUnavailableException e) when (!context.Response.HasStarted)
        {
            context.Response.Headers.RetryAfter = BlobStoreRetryAfterSeconds;
            await OciErrorResponse.WriteAsync(context, OciErrorCode.Unavailable, e.Message);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            var code = e.StatusCode == StatusCodes.Status413PayloadTooLarge ? OciErrorCode.TooLarge : OciErrorCode.BlobUploadInvalid;
            await OciErrorResponse.WriteAsync(context, code, $"the request body could not be read: {e.Message}");
        }
        catch (Exception e) when (context.RequestAborted.IsCancellationRequested && e is OperationCanceledException or IOException)
        {
            // The client went away; nothing was committed and nobody is listening.
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DistributionEndpoints))
                .LogError(e, "Unhandled error in {Method} {Path}", context.Request.Method, path);
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await context.Response.WriteAsJsonAsync(new { errors = new[] { new { code = "UNKNOWN", message = "internal error; the request changed nothing it did not complete" } } });
        }
    }

    private static Task DispatchAsync(HttpContext context, DistributionRoute route)
    {
        var method = context.Request.Method;
        return (route.Kind, method) switch
        {
            (RouteKind.Unknown, _) => OciErrorResponse.WriteAsync(context, OciErrorCode.NotFound, $"no registry API at {context.Request.Path}"),
            (_, "OPTIONS") => OptionsAsync(context, route),
            (RouteKind.Base, "GET" or "HEAD") => context.Response.WriteAsJsonAsync(new { }),
            (RouteKind.Catalog, "GET" or "HEAD") => CatalogHandlers.ListAsync(context),
            (RouteKind.Tags, "GET" or "HEAD") => CatalogHandlers.ListTagsAsync(context, Name(route)),
            (RouteKind.Manifest, "GET" or "HEAD") => ManifestHandlers.GetAsync(context, Name(route), route.Reference),
            (RouteKind.Manifest, "PUT") => ManifestHandlers.PutAsync(context, Name(route), route.Reference),
            (RouteKind.Manifest, "DELETE") => ManifestHandlers.DeleteAsync(context, Name(route), route.Reference),
            (RouteKind.Blob, "GET" or "HEAD") => BlobHandlers.GetAsync(context, Name(route), route.Reference),
            (RouteKind.Blob, "DELETE") => BlobHandlers.DeleteAsync(context, Name(route), route.Reference),
            (RouteKind.UploadStart, "POST") => UploadHandlers.StartAsync(context, Name(route)),
            (RouteKind.Upload, "GET" or "HEAD") => UploadHandlers.StatusAsync(context, Name(route), route.Reference),
            (RouteKind.Upload, "PATCH") => UploadHandlers.PatchAsync(context, Name(route), route.Reference),
            (RouteKind.Upload, "PUT") => UploadHandlers.CompleteAsync(context, Name(route), route.Reference),
            (RouteKind.Upload, "DELETE") => UploadHandlers.CancelAsync(context, Name(route), route.Reference),
            (RouteKind.Referrers, "GET" or "HEAD") => ReferrerHandlers.ListAsync(context, Name(route), route.Reference),
            _ => MethodNotAllowedAsync(context, route),
        };
    }

    private static Task OptionsAsync(HttpContext context, DistributionRoute route)
    {
        context.Response.Headers.Allow = ResourceMethods.Allowed(route.Kind);
        context.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    private static Task MethodNotAllowedAsync(HttpContext context, DistributionRoute route)
    {
        context.Response.Headers.Allow = ResourceMethods.Allowed(route.Kind);
        return OciErrorResponse.WriteAsync(context, OciErrorCode.MethodUnknown, $"{context.Request.Method} is not supported on {route.Kind} resources");
    }

    private static RepositoryName Name(DistributionRoute route) => RepositoryService.ParseName(route.Name);
}
