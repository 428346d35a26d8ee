using Gallery.Indexer.Indexing;
using Gallery.Web.Components.Layout;
using Microsoft.AspNetCore.OutputCaching;

namespace Gallery.Web.PageCache;

/// <summary>
/// The public pages anonymous visitors see are rendered once and served from memory until what they show may have
/// changed: every index refresh (which follows each registry change the gallery shows) drops them all, and none
/// lives longer than <see cref="Lifetime"/> in case a render raced a change. Signed-in visitors (who may see Edit
/// links) and anything but a 200 are never cached; the theme cookie and the query string are part of the key.
/// </summary>
public static class GalleryPageCache
{
    public const string PolicyName = "gallery-page";

    private const string Tag = "gallery-page";

    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1);

    /// <summary>Call after AddRazorComponents: it wraps the antiforgery service that registers.</summary>
    public static IServiceCollection AddGalleryPageCache(this IServiceCollection services)
    {
        services.AddOutputCache(options => options.AddPolicy(PolicyName, policy => policy
            .Expire(Lifetime)
            .VaryByValue(context => new("theme", context.Request.Cookies[GalleryTheme.Cookie] ?? ""))
            .Tag(Tag)));
        PublicPageAntiforgery.Decorate(services);
        return services;
    }

    public static WebApplication UseGalleryPageCache(this WebApplication app)
    {
        app.UseOutputCache();
        var store = app.Services.GetRequiredService<IOutputCacheStore>();
        app.Services.GetRequiredService<IndexRefreshes>().Refreshed += () => _ = store.EvictByTagAsync(Tag, CancellationToken.None);
        return app;
    }
}
