using Gallery.Indexer.Indexing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gallery.Indexer.Webhooks;

public static class WebhookExtensions
{
    /// <summary>The webhook worker, on every node (its work is claimed through the database). Needs AddRegistryCore.</summary>
    public static IServiceCollection AddGalleryWebhooks(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<EventFeed>();
        services.TryAddScoped<CheckpointStore>();
        services.AddScoped<WebhookQueue>();
        services.AddScoped<WebhookDispatcher>();
        services.AddSingleton<WebhookClient>();
        services.AddHostedService<WebhookWorker>();
        return services;
    }
}
