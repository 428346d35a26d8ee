using Gallery.Indexer.Indexing;
using Gallery.Web.Components.Layout;
using Microsoft.AspNetCore.OutputCaching;

namespace Gallery.Web.PageCache;

/// <summary>
/// The public pages anonymous visitors see are rendered once and served from memory until what they show may have
/// changed: every index refresh (which follows each registry change the gallery shows) drops the pages it changed
/// (<see cref="GalleryPageTags"/>), and none lives longer than <see cref="PageCacheOptions.Lifetime"/> in case a render raced a change. Signed-in visitors (who may see Edit
/// links), Blazor's enhanced navigation and anything but a 200 are never cached; the theme cookie and the query
/// string are part of the key.
/// </summary>
public static class GalleryPageCache
{
    public const string PolicyName = "gallery-page";

    /// <summary>Call after AddRazorComponents: it wraps the antiforgery service that registers.</summary>
    public static IServiceCollection AddGalleryPageCache(this IServiceCollection services, IConfiguration configuration)
    {
        var lifetime = configuration.GetSection(PageCacheOptions.Section).Get<PageCacheOptions>()?.Lifetime ?? new PageCacheOptions().Lifetime;
        services.AddOutputCache(options => options.AddPolicy(PolicyName, policy => policy
            .Expire(lifetime)
            .VaryByValue(context => new("theme", context.Request.Cookies[GalleryTheme.Cookie] ?? ""))
            .With(context => !IsEnhancedNavigation(context.HttpContext.Request))
            .AddPolicy<GalleryPageTags>()));
        PublicPageAntiforgery.Decorate(services);
        return services;
    }

    /// <summary>
    /// Blazor's enhanced navigation (links and forms followed in place) fetches pages with its own Accept value and
    /// expects a response framed for it, with the header <c>blazor-enhanced-nav: allow</c> exactly as written; the
    /// output cache replays that value as "Allow", which makes Blazor fall back to a full reload. Those requests are
    /// rendered every time.
    /// </summary>
    private static bool IsEnhancedNavigation(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("blazor-enhanced-nav=on", StringComparison.OrdinalIgnoreCase);

    public static WebApplication UseGalleryPageCache(this WebApplication app)
    {
        app.UseOutputCache();
        var store = app.Services.GetRequiredService<IOutputCacheStore>();
        app.Services.GetRequiredService<IndexRefreshes>().Changed += change => _ = EvictAsync(store, change);
        return app;
    }

    private static async Task EvictAsync(IOutputCacheStore store, IndexChange change)
    {
        foreach (var tag in GalleryPageTags.ToEvict(change))
        {
            await store.EvictByTagAsync(tag, CancellationToken.None);
        }
    }
}
