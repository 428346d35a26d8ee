using Gallery.Indexer.Artifacts;
using Gallery.Indexer.Diagnostics;
using Gallery.Indexer.Indexing;
using Gallery.Indexer.Reading;
using Gallery.Indexer.Search;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Registry.Core.Diagnostics;
using Registry.Core.Settings;

namespace Gallery.Indexer;

public static class GalleryIndexExtensions
{
    /// <summary>
    /// The gallery's search (<see cref="IGallerySearch"/>), the read models pages use (<see cref="IGalleryReader"/>,
    /// <see cref="FeedReader"/>, <see cref="IPullHistory"/>) and, unless <c>Gallery:Index:Worker</c> is false, the
    /// index writer and the worker that follows the registry's events. Needs AddRegistryCore.
    /// </summary>
    public static IServiceCollection AddGalleryIndex(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(IndexOptions.SectionName);
        services.AddIndexOptions(configuration);
        services.AddSingleton<IGallerySearch, GallerySearch>();
        services.AddSingleton<IGallerySuggest, GallerySuggest>();
        services.AddScoped<IGalleryReader, GalleryReader>();
        services.AddScoped<FeedReader>();
        services.AddScoped<IPullHistory, PullHistory>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IndexMetrics>();
        services.TryAddScoped<CheckpointStore>();
        services.AddScoped<IndexLagProbe>();
        services.AddHealthChecks().AddCheck<IndexHealthCheck>("index", tags: [HealthTags.Ready], timeout: HealthTags.Timeout);
        services.AddSingleton<IndexRefreshes>();
        services.AddScoped<SupplyChainReader>();
        services.AddScoped<IImageBadges>(sp => sp.GetRequiredService<SupplyChainReader>());
        services.AddScoped<IImageDetailsReader, ImageDetailsReader>();
        if (section.GetValue(nameof(IndexOptions.Worker), true))
        {
            services.AddIndexWriter();
            services.AddSingleton<ISearcherSource>(sp => sp.GetRequiredService<GalleryIndexWriter>());
            services.AddSingleton<IndexerWorker>();
            services.AddHostedService(sp => sp.GetRequiredService<IndexerWorker>());
        }
        else
        {
            services.AddSingleton<ReadOnlyIndex>();
            services.AddSingleton<ISearcherSource>(sp => sp.GetRequiredService<ReadOnlyIndex>());
            services.AddHostedService(sp => sp.GetRequiredService<ReadOnlyIndex>());
        }

        return services;
    }

    /// <summary>The writer side alone (no worker, no search): what the reindex command needs beside AddRegistryData.</summary>
    internal static IServiceCollection AddGalleryReindex(this IServiceCollection services, IConfiguration configuration) =>
        services.AddIndexOptions(configuration).AddIndexWriter();

    private static IServiceCollection AddIndexOptions(this IServiceCollection services, IConfiguration configuration) =>
        services.AddCheckedOptions<IndexOptions>(configuration, IndexOptions.SectionName, IndexOptions.Check);

    private static IServiceCollection AddIndexWriter(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<GalleryIndexWriter>();
        services.AddScoped<RepositoryRecordReader>();
        services.AddScoped<EventFeed>();
        services.TryAddScoped<CheckpointStore>();
        services.AddScoped<IndexUpdater>();
        services.AddScoped<Reindexer>();
        services.AddScoped<PopularityRefresher>();
        return services;
    }
}
