using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

namespace Gallery.Web.Components.Layout;

/// <summary>Theme provider, header (brand, search, theme switch), landmarks and footer: declared once, for every page.</summary>
public partial class MainLayout
{
    /// <summary>Present when rendered on the server for a request (static rendering); null in component tests.</summary>
    [CascadingParameter]
    public HttpContext? HttpContext { get; set; }

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private bool IsDarkMode => HttpContext?.Request.Cookies[GalleryTheme.Cookie] == "dark";

    private string SkipTarget => Navigation.ToBaseRelativePath(Navigation.Uri).Split('#')[0] + "#content";
}
