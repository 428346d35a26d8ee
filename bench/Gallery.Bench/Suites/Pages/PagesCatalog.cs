using Gallery.Bench.Suites.Search;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Data;
using Registry.Core.Repositories.Public;

namespace Gallery.Bench.Suites.Pages;

/// <summary>A page the suite times: an id for the figures, a title and its path.</summary>
public sealed record BenchPage(string Id, string Title, string Path);

/// <summary>
/// The catalog the pages are timed on, written straight into the server's (migrated) database before the server starts,
/// which then builds its index from it as a new replica does: the search suite's generated repositories (publishers with
/// thousands of repositories), one more with many tags for the tags tab, then the gallery's kept counts counted once.
/// </summary>
public static class PagesCatalog
{
    private const string TagsRepositoryName = "many-tags";

    public static async Task<IReadOnlyList<BenchPage>> SeedAsync(Func<RegistryDbContext> contexts, int count, int tagsRepositoryTags, CancellationToken cancellationToken)
    {
        await using (var db = contexts())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        var repositories = RepositoryGenerator.Generate(count - 1).ToList();
        var biggest = repositories.GroupBy(r => r.Alias).MaxBy(g => g.Count())!;
        var sample = biggest.First();
        repositories.Add(sample with
        {
            Name = TagsRepositoryName,
            Tags = ["latest", .. Enumerable.Range(1, tagsRepositoryTags - 1).Select(i => $"{i / 100}.{i % 100}.0")],
        });
        await CatalogLoader.LoadAsync(contexts, repositories, cancellationToken);
        await using (var db = contexts())
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            await PublicCounts.RecountAllAsync(db, cancellationToken);
        }

        return
        [
            new("home", "home /", "/"),
            new("search", "search /search?searchTerm=nginx", "/search?searchTerm=nginx"),
            new("repository", "repository page", $"/{sample.FullName}"),
            new("feed", "repository Atom feed", $"/{sample.FullName}/feed.atom"),
            new("badge", "latest badge", $"/badges/{sample.FullName}/latest.svg"),
            new("tags", $"tags tab ({tagsRepositoryTags:N0} tags)", $"/{biggest.Key}/{TagsRepositoryName}?tab=image-tags"),
            new("publisher", $"publisher page ({biggest.Count():N0} repositories)", $"/{biggest.Key}"),
        ];
    }
}
