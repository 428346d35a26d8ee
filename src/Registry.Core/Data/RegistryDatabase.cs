using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Events;
using Registry.Core.Settings;

namespace Registry.Core.Data;

/// <summary>Chooses the database provider from configuration: SQLite under the data directory by default, or PostgreSQL.</summary>
internal static class RegistryDatabase
{
    public const string ConnectionStringName = "Registry";

    public static IServiceCollection AddRegistryDatabase(this IServiceCollection services, IConfiguration configuration, RegistryOptions options)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        switch (options.Database.Provider)
        {
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new SettingsException(
                        "ConnectionStrings:Registry (ConnectionStrings__Registry) must be set when Gallery:Database:Provider is Postgres, e.g. \"Host=localhost;Database=gallery;Username=gallery;Password=...\"");
                }

                services.AddPooledDbContextFactory<PostgresRegistryDbContext>((sp, o) => ConfigurePostgres(o, connectionString).AddInterceptors(sp.GetRequiredService<OutboxWakeInterceptor>()));
                services.AddScoped<RegistryDbContext>(RentForScope<PostgresRegistryDbContext>);
                break;
            default:
                connectionString ??= SqliteConnectionString(options.ResolvedDataPath);
                services.AddPooledDbContextFactory<SqliteRegistryDbContext>((sp, o) => ConfigureSqlite(o, connectionString).AddInterceptors(sp.GetRequiredService<OutboxWakeInterceptor>()));
                services.AddScoped<RegistryDbContext>(RentForScope<SqliteRegistryDbContext>);
                break;
        }

        services.AddScoped<EventActor>();
        services.AddSingleton<OutboxWakeInterceptor>();
        return services;
    }

    /// <summary>A pooled context for one scope (returned to the pool when the scope ends), told who acts in that scope.</summary>
    private static RegistryDbContext RentForScope<TContext>(IServiceProvider services) where TContext : RegistryDbContext
    {
        var db = services.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
        db.Actor = services.GetRequiredService<EventActor>();
        return db;
    }

    public static string SqliteConnectionString(string dataPath)
    {
        try
        {
            Directory.CreateDirectory(dataPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SettingsException($"Gallery:DataPath (Gallery__DataPath) must be a directory the server can create and write; {dataPath} is not ({e.Message})");
        }

        return $"Data Source={Path.Combine(dataPath, "gallery.db")};Cache=Private;Pooling=True";
    }

    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable("__EFMigrationsHistory"))
            .AddInterceptors(SqlitePragmas.Instance);

    public static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString);
}
