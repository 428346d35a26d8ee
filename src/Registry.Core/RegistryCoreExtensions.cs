using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
    /// <summary>The registry's services: options, database, blob store, repository services, events and background jobs.</summary>
    public static IServiceCollection AddRegistryCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCheckedOptions<RegistryOptions>(configuration, RegistryOptions.SectionName, RegistryOptions.Check);
        var options = configuration.GetSection(RegistryOptions.SectionName).Get<RegistryOptions>() ?? new RegistryOptions();

        services.AddRegistryDatabase(configuration, options);
        services.AddHostedService<DatabaseMigrator>();
        services.AddRegistryAccess(configuration);
        services.AddBlobStore(options.Storage);
        services.AddSingleton<RegistryEventSignal>();
        services.AddSingleton<NodeIdentity>();
        services.AddHostedService<PostgresNotifications>();
        services.AddSingleton<OutboxPruner>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxPruner>());
        services.AddMetrics();
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
    /// Why this node cannot start (one line naming the setting to fix), or null: the blob store must be reachable
    /// with the configured bucket and credentials. Run before the host starts.
    /// </summary>
    public static Task<string?> StartupProblemAsync(this IServiceProvider services, CancellationToken cancellationToken = default) =>
        services.GetRequiredService<IBlobStore>() is S3BlobStore s3 ? s3.CheckAsync(cancellationToken) : Task.FromResult<string?>(null);

    /// <summary>The registry's HTTP APIs: the OCI Distribution API under /v2/ and its token endpoint, the ECR Public API and webhooks.</summary>
    public static IEndpointRouteBuilder MapRegistry(this IEndpointRouteBuilder app)
    {
        app.MapDistribution();
        app.MapRegistryToken();
        app.MapEcrPublicApi();
        app.MapWebhookApi();
        return app;
    }
}
