namespace Gallery.Web.Console;

/// <summary>Every console URL, built in one place. Repository names keep their slashes (the route is a catch-all).</summary>
public static class ConsoleUrls
{
    public static string Repository(string name, string? tab = null) =>
        $"/console/repositories/{string.Join('/', name.Split('/').Select(Uri.EscapeDataString))}" + (tab is null ? "" : $"?tab={tab}");
}
