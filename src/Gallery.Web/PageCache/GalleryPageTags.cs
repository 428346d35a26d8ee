using Gallery.Indexer.Indexing;
using Gallery.Web.Components.Pages.Home;
using Gallery.Web.Components.Pages.Images;
using Gallery.Web.Components.Pages.Publishers;
using Gallery.Web.Components.Pages.Repositories;
using Gallery.Web.Components.Pages.Search;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.OutputCaching;

namespace Gallery.Web.PageCache;

/// <summary>
/// Names each cached page by what it shows, so that a change to some repositories empties only the pages that show
/// them: the listings (home and search), those repositories' pages and their publishers' pages. Pages of other
/// repositories and publishers stay cached. A page it cannot name is dropped at every change.
/// </summary>
internal sealed class GalleryPageTags : IOutputCachePolicy
{
    /// <summary>Every cached page: dropped when anything may have changed.</summary>
    public const string All = "gallery-page";

    private const string Listing = "gallery-listing";
    private const string Unnamed = "gallery-unnamed";
    private const string RepositoryPrefix = "gallery-repository:";
    private const string PublisherPrefix = "gallery-publisher:";

    /// <summary>The tags to empty for a change.</summary>
    public static IEnumerable<string> ToEvict(IndexChange change)
    {
        if (change.Repositories is not { } repositories)
        {
            return [All];
        }

        return new[] { Listing, Unnamed }
            .Concat(repositories.Select(r => RepositoryPrefix + r))
            .Concat(repositories.Select(r => PublisherPrefix + r[..Math.Max(0, r.IndexOf('/'))]).Distinct());
    }

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        context.Tags.Add(All);
        context.Tags.Add(Of(context.HttpContext));
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    /// <summary>An image page is named after its repository, so the repository's changes empty it too.</summary>
    private static string RepositoryOf(string alias, string? name) =>
        $"{alias}/{(ImageAddress.TryParse(name, out var repository, out _) ? repository : name?.Trim('/'))}".ToLowerInvariant();

    private static string Of(HttpContext context)
    {
        var page = context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type;
        var alias = context.Request.RouteValues["Alias"] as string;
        return page switch
        {
            _ when page == typeof(Home) || page == typeof(SearchPage) => Listing,
            _ when page == typeof(PublisherPage) && alias is not null => PublisherPrefix + alias.ToLowerInvariant(),
            _ when page == typeof(RepositoryPage) && alias is not null => RepositoryPrefix + RepositoryOf(alias, context.Request.RouteValues["Name"] as string),
            _ => Unnamed,
        };
    }
}
