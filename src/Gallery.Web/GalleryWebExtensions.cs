using Gallery.Web.Aliases;
using Gallery.Web.Api;
using Gallery.Web.Components;
using Gallery.Web.Markdown;
using Gallery.Web.Assets;
using Gallery.Web.Badges;
using Gallery.Web.Feeds;
using Gallery.Web.PageCache;
using MudBlazor.Services;

namespace Gallery.Web;

/// <summary>
/// The public gallery pages: Razor components rendered statically on the server (no connection per visitor), the
/// read services they use, the markdown renderer, and the static files under <c>wwwroot-assets/</c>.
/// </summary>
public static class GalleryWebExtensions
{
    public static WebApplicationBuilder AddGalleryWeb(this WebApplicationBuilder builder)
    {
        // Framework and MudBlazor files (_framework/, _content/) come from the static web assets manifest, also
        // when the app runs from its build output outside Development (tests, `dotnet Gallery.Web.dll`).
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents();
        builder.Services.AddMudServices();
        builder.Services.AddSingleton<MarkdownRenderer>();
        builder.Services.AddScoped<Components.Pages.NotFound.NotFoundMessage>();
        builder.Services.AddSingleton<Components.Pages.Home.HomeListings>();
        builder.Services.AddGalleryPageCache(builder.Configuration);
        return builder;
    }

    public static WebApplication MapGalleryWeb(this WebApplication app)
    {
        app.MapGalleryAssets();
        app.MapApiNotFound();
        app.MapPullsApi();
        app.UseDefaultAliasRedirects();
        app.UseAntiforgery();
        app.UseGalleryPageCache();
        app.MapFeeds();
        app.MapBadges();
        app.MapStaticAssets();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode() // the publisher console's pages (AddGalleryConsole)
            // The pages are read with GET only; POST / stays the ECR Public API's.
            .Add(endpoint =>
            {
                // Pages only: the interactive render mode's own endpoints (/_blazor, negotiate is a POST) keep their methods.
                if (endpoint.Metadata.Any(m => m is Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata))
                {
                    endpoint.Metadata.Add(new HttpMethodMetadata(["GET", "HEAD"]));
                }
            });
        return app;
    }
}
