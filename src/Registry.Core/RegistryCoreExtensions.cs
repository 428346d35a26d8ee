using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Registry.Core.Access;
using Registry.Core.Attachments;
using Registry.Core.Attachments.Reading;
using Registry.Core.Cluster;
using Registry.Core.Data;
using Registry.Core.Diagnostics;
using Registry.Core.Events;
using Registry.Core.Http.Distribution;
using Registry.Core.Http.EcrPublic;
using Registry.Core.Http.Token;
using Registry.Core.Http.Transport;
using Registry.Core.Http.Webhooks;
using Registry.Core.Repositories;
using Registry.Core.Settings;
using Registry.Core.Storage;
using Registry.Core.Storage.S3;
using Registry.Core.Webhooks;

namespace Registry.Core;

public static class RegistryCoreExtensions
{
    /// <summary>
    /// The registry's services: options, database, blob store, repository services, events and background jobs
    /// (migrations at start, outbox pruning, upload janitor, pull-count flushes, the configuration bootstrap).
    /// </summary>
    public static IServiceCollection AddRegistryCore(this IServiceCollection services, IConfiguration configuration)
    {
        var options = services.AddRegistryData(configuration);
        services.AddHostedService<DatabaseMigrator>();
        services.AddRegistryAccess(configuration);
        services.AddOutboxNotifications();
        services.AddBlobStore(options.Storage);
        services.AddSingleton<OutboxPruner>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxPruner>());
        services.AddSingleton<IMemoryPoolFactory<byte>, ReceiveBlockPoolFactory>();
        services.AddSingleton<RegistryMetrics>();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [HealthTags.Ready], timeout: HealthTags.Timeout)
            .AddCheck<BlobStoreHealthCheck>("blobStore", tags: [HealthTags.Ready], timeout: HealthTags.Timeout);
        services.AddScoped<RegistryEventQueries>();
        services.AddSingleton<UploadHashes>();
        services.AddSingleton<ManifestContentCache>();
        services.AddPullRateLimits(options, configuration.GetConnectionString(RegistryDatabase.ConnectionStringName));
        services.AddScoped<RepositoryService>();
        services.AddScoped<BlobService>();
        services.AddScoped<UploadService>();
        services.AddScoped<UploadExpiry>();
        services.AddScoped<ManifestPlatforms>();
        services.AddScoped<Charts.HelmChartInspector>();
        services.AddScoped<AttachmentRecorder>();
        services.AddScoped<AttachmentReader>();
        services.AddHostedService<AttachmentReadWorker>();
        services.AddScoped<ManifestService>();
        services.AddScoped<TagService>();
        services.AddScoped<ReferrerService>();
        services.AddScoped<BlobGarbageCollector>();
        services.AddHostedService<UploadSessionJanitor>();
        services.AddEcrPublicApi();
        services.AddSingleton<PullCounter>();
        services.AddSingleton<PullCountFlusher>();
        services.AddHostedService(sp => sp.GetRequiredService<PullCountFlusher>());
        services.Configure<WebhookOptions>(configuration.GetSection(WebhookOptions.SectionName));
        services.AddSingleton<WebhookSecrets>();
        services.AddScoped<WebhookService>();
        return services;
    }

    /// <summary>
    /// What any process that reads the registry's database needs, and nothing that runs: its options, the database,
    /// this node's identity, the outbox signal and meters. Enough for <c>reindex</c>; the web app adds the rest
    /// (<see cref="AddRegistryCore"/>), which applies the migrations.
    /// </summary>
    public static RegistryOptions AddRegistryData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCheckedOptions<RegistryOptions>(configuration, RegistryOptions.SectionName, RegistryOptions.Check);
        var options = configuration.GetSection(RegistryOptions.SectionName).Get<RegistryOptions>() ?? new RegistryOptions();
        services.AddRegistryDatabase(configuration, options);
        services.AddSingleton<RegistryEventSignal>();
        services.AddSingleton<NodeIdentity>();
        services.AddMetrics();
        return options;
    }

    /// <summary>
    /// For a process that follows the outbox: with PostgreSQL, other processes' commits (and cache notices) wake it
    /// at once instead of at its next poll.
    /// </summary>
    public static IServiceCollection AddOutboxNotifications(this IServiceCollection services)
    {
        services.TryAddSingleton<DefaultAliases>();
        services.AddHostedService<PostgresNotifications>();
        return services;
    }

    /// <summary>
    /// Why this node cannot start (one line naming the setting to fix), or null: the blob store must be reachable
    /// with the configured bucket and credentials. Run before the host starts.
    /// </summary>
    public static Task<string?> StartupProblemAsync(this IServiceProvider services, CancellationToken cancellationToken = default) =>
        services.GetRequiredService<IBlobStore>() is S3BlobStore s3 ? s3.CheckAsync(cancellationToken) : Task.FromResult<string?>(null);

    /// <summary>
    /// The registry's HTTP APIs: the OCI Distribution API under <c>/v2/</c>, its token endpoint (<c>/token</c>), the
    /// ECR Public API (<c>POST /</c> by <c>X-Amz-Target</c>) with the logos its catalog data links to
    /// (<c>/api/logos/</c>), and the webhook API (<c>/api/webhooks</c>).
    /// </summary>
    public static IEndpointRouteBuilder MapRegistry(this IEndpointRouteBuilder app)
    {
        app.MapDistribution();
        app.MapRegistryToken();
        app.MapEcrPublicApi();
        app.MapWebhookApi();
        return app;
    }
}
