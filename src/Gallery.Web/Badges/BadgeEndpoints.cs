using System.Text;
using Gallery.Web.Components.Shared;
using Gallery.Web.Feeds;
using Gallery.Web.PageCache;
using Gallery.Indexer.Reading;

namespace Gallery.Web.Badges;

/// <summary>
/// <c>/badges/&lt;alias&gt;/&lt;name&gt;/&lt;kind&gt;.svg</c>: <c>latest</c> (the highest version tag), <c>pulls</c>,
/// <c>size</c> (of that tag's image) and <c>platforms</c>. A repository the gallery does not show, or another kind, is a 404.
/// </summary>
public static class BadgeEndpoints
{
    public const string PathPrefix = "/badges";
    public static readonly IReadOnlyList<string> Kinds = ["latest", "pulls", "size", "platforms"];
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);
    private const string Blue = "#007ec6";
    private const string Grey = "#9f9f9f";

    public static IEndpointRouteBuilder MapBadges(this IEndpointRouteBuilder app)
    {
        app.MapMethods(PathPrefix + "/{alias}/{**rest}", ["GET", "HEAD"], BadgeAsync).CacheOutput(GalleryPageCache.PolicyName);
        return app;
    }

    /// <summary>The badge's path for a repository, e.g. <c>/badges/alias/name/latest.svg</c>.</summary>
    public static string PathFor(string fullName, string kind) => $"{PathPrefix}/{fullName}/{kind}.svg";

    private static async Task<IResult> BadgeAsync(string alias, string? rest, HttpContext http, FeedReader reader)
    {
        var slash = rest?.LastIndexOf('/') ?? -1;
        var kind = slash < 0 || !rest!.EndsWith(".svg", StringComparison.Ordinal) ? null : rest[(slash + 1)..^4];
        if (kind is null || !Kinds.Contains(kind) || await reader.BadgeFactsAsync($"{alias}/{rest![..slash]}", http.RequestAborted) is not { } facts)
        {
            return Results.NotFound();
        }

        var svg = kind switch
        {
            "latest" => BadgeSvg.Render("version", facts.LatestTag ?? "none", facts.LatestTag is null ? Grey : Blue),
            "pulls" => BadgeSvg.Render("pulls", Format.Count(facts.Pulls), Blue),
            "size" => BadgeSvg.Render("image size", facts.LatestSize is { } size ? Format.Size(size) : "unknown", facts.LatestSize is null ? Grey : Blue),
            _ => BadgeSvg.Render("platforms", Platforms(facts.Platforms), facts.Platforms.Count == 0 ? Grey : Blue),
        };
        return FollowResponses.Cached(http, Encoding.UTF8.GetBytes(svg), BadgeSvg.ContentType, null, MaxAge);
    }

    private static string Platforms(IReadOnlyList<string> platforms) => platforms.Count switch
    {
        0 => "none",
        <= 3 => string.Join(" | ", platforms),
        _ => $"{string.Join(" | ", platforms.Take(2))} +{platforms.Count - 2}",
    };
}
