using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Registry.Core.Http.Distribution;

internal static class PullRateLimitServices
{
    /// <summary>Where pull allowances live: in PostgreSQL when nodes may share the database, else in this process.</summary>
    public static IServiceCollection AddPullRateLimits(this IServiceCollection services, RegistryOptions options, string? connectionString)
    {
        services.AddSingleton<PullRateLimiter>();
        if (options.Database.Provider == DatabaseProvider.Postgres && connectionString is not null)
        {
            services.AddSingleton(sp => new PostgresPullBuckets(connectionString, sp.GetRequiredService<ILogger<PostgresPullBuckets>>()));
            services.AddSingleton<IPullBuckets>(sp => sp.GetRequiredService<PostgresPullBuckets>());
            services.AddHostedService(sp => sp.GetRequiredService<PostgresPullBuckets>());
        }
        else
        {
            services.AddSingleton<IPullBuckets, MemoryPullBuckets>();
        }

        return services;
    }
}
