using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.OutputCaching;

namespace Gallery.Web.PageCache;

/// <summary>
/// Blazor hands every page an antiforgery token for interactive components, which stores a cookie (and forbids
/// caching) on each response. The public gallery pages an anonymous visitor reads post nothing, so for them the
/// token is made without the cookie: the same HTML fits every visitor, and the page cache can keep it.
/// </summary>
internal sealed class PublicPageAntiforgery(IAntiforgery inner) : IAntiforgery
{
    public static void Decorate(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(IAntiforgery));
        services.Remove(original);
        services.AddSingleton<IAntiforgery>(provider => new PublicPageAntiforgery(Create(provider, original)));
    }

    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext) =>
        IsAnonymousPublicPage(httpContext) ? inner.GetTokens(httpContext) : inner.GetAndStoreTokens(httpContext);

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => inner.GetTokens(httpContext);

    public Task<bool> IsRequestValidAsync(HttpContext httpContext) => inner.IsRequestValidAsync(httpContext);

    public Task ValidateRequestAsync(HttpContext httpContext) => inner.ValidateRequestAsync(httpContext);

    public void SetCookieTokenAndHeader(HttpContext httpContext) => inner.SetCookieTokenAndHeader(httpContext);

    private static bool IsAnonymousPublicPage(HttpContext httpContext) =>
        httpContext.User.Identity?.IsAuthenticated != true
        && httpContext.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>()?.PolicyName == GalleryPageCache.PolicyName;

    private static IAntiforgery Create(IServiceProvider provider, ServiceDescriptor descriptor) => descriptor switch
    {
        { ImplementationInstance: IAntiforgery instance } => instance,
        { ImplementationFactory: { } factory } => (IAntiforgery)factory(provider),
        _ => (IAntiforgery)ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!),
    };
}
