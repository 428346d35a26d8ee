namespace Gallery.Web.PageCache;

/// <summary>The page cache's one setting. Bound from "Gallery:PageCache".</summary>
public sealed class PageCacheOptions
{
    public const string Section = "Gallery:PageCache";

    /// <summary>
    /// The longest a cached page is served. Changes empty the pages they touch at once; this bounds how long a page
    /// whose render raced a change can show the state before it.
    /// </summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromSeconds(1);
}
