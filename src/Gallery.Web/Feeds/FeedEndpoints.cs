using Gallery.Web.PageCache;
using Gallery.Indexer.Reading;

namespace Gallery.Web.Feeds;

/// <summary>
/// Atom feeds: <c>/feed.atom</c> (newly published repositories), <c>/&lt;alias&gt;/feed.atom</c> (the publisher's
/// tags pushed or moved) and <c>/&lt;alias&gt;/&lt;name&gt;/feed.atom</c> (the repository's), newest first. Cached as
/// pages are; anything the gallery does not show is a 404.
/// </summary>
public static class FeedEndpoints
{
    public const string FileName = "feed.atom";
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/" + FileName, ["GET", "HEAD"], NewRepositoriesAsync).CacheOutput(GalleryPageCache.PolicyName);
        app.MapMethods("/{alias}/" + FileName, ["GET", "HEAD"], PublisherAsync).CacheOutput(GalleryPageCache.PolicyName);
        // A constrained catch-all outranks the repository page's "/{Alias}/{*Name}" for names ending in /feed.atom.
        app.MapMethods("/{alias}/{**rest:regex(^.+/feed\\.atom$)}", ["GET", "HEAD"], RepositoryAsync).CacheOutput(GalleryPageCache.PolicyName);
        return app;
    }

    /// <summary>The feed's path for a page: "" for the home page, an alias, or a repository's full name.</summary>
    public static string PathFor(string? scope) => string.IsNullOrEmpty(scope) ? "/" + FileName : $"/{scope}/{FileName}";

    private static async Task<IResult> NewRepositoriesAsync(HttpContext http, FeedReader reader)
    {
        var repositories = await reader.NewRepositoriesAsync(http.RequestAborted);
        var site = Site(http);
        var entries = repositories.Select(r => new AtomEntry($"{site}/{r.FullName}", $"{r.FullName} published", r.CreatedAt, $"{site}/{r.FullName}",
            $"{r.FullName} by {r.PublisherDisplayName ?? r.FullName.Split('/')[0]}. {r.Description} Pull: docker pull {http.Request.Host}/{r.FullName}")).ToList();
        return Respond(http, new AtomFeed($"{site}/{FileName}", "New repositories · Gallery", $"{site}/{FileName}", site + "/", "Gallery",
            Updated(entries), entries));
    }

    private static async Task<IResult> PublisherAsync(string alias, HttpContext http, FeedReader reader)
    {
        if (await reader.PublisherTagsAsync(alias, http.RequestAborted) is not { } tags)
        {
            return Results.NotFound();
        }

        return Respond(http, TagFeed(http, alias, $"{alias} · pushes · Gallery", alias, tags));
    }

    private static async Task<IResult> RepositoryAsync(string alias, string rest, HttpContext http, FeedReader reader)
    {
        var fullName = $"{alias}/{rest[..^(FileName.Length + 1)]}";
        if (await reader.RepositoryTagsAsync(fullName, http.RequestAborted) is not { } tags)
        {
            return Results.NotFound();
        }

        return Respond(http, TagFeed(http, fullName, $"{fullName} · tags · Gallery", alias, tags));
    }

    private static AtomFeed TagFeed(HttpContext http, string scope, string title, string author, IReadOnlyList<FeedTag> tags)
    {
        var site = Site(http);
        var entries = tags.Select(t => new AtomEntry(
            $"{site}/{t.Repository}/images/{t.Digest}?tag={Uri.EscapeDataString(t.Tag)}&at={t.UpdatedAt.Ticks}",
            $"{t.Repository}:{t.Tag}",
            t.UpdatedAt,
            $"{site}/{t.Repository}?tab=image-tags",
            $"Tag {t.Tag} of {t.Repository} now names {t.Digest}" +
            (t.Platforms.Count > 0 ? $" (platforms: {string.Join(", ", t.Platforms)})" : "") +
            $". Pull: docker pull {http.Request.Host}/{t.Repository}:{t.Tag}")).ToList();
        return new AtomFeed($"{site}{PathFor(scope)}", title, $"{site}{PathFor(scope)}", $"{site}/{scope}", author, Updated(entries), entries);
    }

    private static IResult Respond(HttpContext http, AtomFeed feed) =>
        FollowResponses.Cached(http, feed.ToBytes(), AtomFeed.ContentType, feed.Updated, MaxAge);

    private static DateTime Updated(IReadOnlyList<AtomEntry> entries) =>
        entries.Count == 0 ? DateTime.UnixEpoch : entries.Max(e => e.Updated);

    private static string Site(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
}
