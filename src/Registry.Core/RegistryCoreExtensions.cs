using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Access;
using Registry.Core.Data;
using Registry.Core.Events;
using Registry.Core.Http.Distribution;
using Registry.Core.Http.EcrPublic;
using Registry.Core.Http.Token;
using Registry.Core.Http.Webhooks;
using Registry.Core.Repositories;
using Registry.Core.Storage;
using Registry.Core.Webhooks;

namespace Registry.Core;

public static class RegistryCoreExtensions
{
    /// <summary>The registry's services: options, database, blob store, repository services, events and background jobs.</summary>
    public static IServiceCollection AddRegistryCore(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(RegistryOptions.SectionName);
        services.Configure<RegistryOptions>(section);
        var options = section.Get<RegistryOptions>() ?? new RegistryOptions();

        services.AddRegistryDatabase(configuration, options);
        services.AddHostedService<DatabaseMigrator>();
        services.AddRegistryAccess(configuration);
        services.AddSingleton<IBlobStore, FileSystemBlobStore>();
        services.AddSingleton<RegistryEventSignal>();
        services.AddScoped<RegistryEventQueries>();
        services.AddSingleton<UploadHashes>();
        services.AddSingleton<ManifestContentCache>();
        services.AddSingleton<PullRateLimiter>();
        services.AddScoped<RepositoryService>();
        services.AddScoped<BlobService>();
        services.AddScoped<UploadService>();
        services.AddScoped<ManifestPlatforms>();
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
