using MudBlazor;

namespace Gallery.Web.Components.Layout;

/// <summary>The gallery's one theme (light and dark palettes); colours chosen for WCAG AA contrast on their backgrounds.</summary>
public static class GalleryTheme
{
    /// <summary>The cookie that remembers a visitor's choice (<c>dark</c> or <c>light</c>); set by gallery.js.</summary>
    public const string Cookie = "gallery-theme";

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b5cad",
            Secondary = "#6b3fa0",
            AppbarBackground = "#0f1b2d",
            AppbarText = "#ffffff",
            Background = "#f6f8fb",
            Surface = "#ffffff",
            TextPrimary = "#1a1f29",
            TextSecondary = "#4a5262",
            Success = "#1e7b34",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7cb8ff",
            PrimaryContrastText = "#0b1220",
            Secondary = "#c9a5ff",
            AppbarBackground = "#0b1220",
            AppbarText = "#ffffff",
            Background = "#10151f",
            Surface = "#182030",
            TextPrimary = "#e8ecf3",
            TextSecondary = "#b4bccb",
            Success = "#6fd08c",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"] },
        },
    };
}
