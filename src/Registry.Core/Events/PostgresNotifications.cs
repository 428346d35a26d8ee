using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Registry.Core.Access;
using Registry.Core.Cluster;
using Registry.Core.Data;

namespace Registry.Core.Events;

/// <summary>
/// With PostgreSQL, relays what other processes announce: the outbox trigger's NOTIFY (sent when an event commits,
/// from any node) wakes this process's followers through <see cref="RegistryEventSignal"/>, and
/// <see cref="CacheNotices"/> mark caches stale. While the connection is down nothing is heard, so on every
/// (re)connection the followers are woken and the caches dropped.
/// </summary>
public sealed class PostgresNotifications(IServiceScopeFactory scopes, RegistryEventSignal signal, DefaultAliases aliases, ILogger<PostgresNotifications> logger) : BackgroundService
{
    public const string EventsChannel = "gallery_events";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string? connectionString;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            if (!db.Database.IsNpgsql())
            {
                return;
            }

            connectionString = db.Database.GetConnectionString();
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Dispatch(e.Channel, e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {EventsChannel}; LISTEN {CacheNotices.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                signal.Notify();
                aliases.Invalidate();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (Exception e) when (e is NpgsqlException or IOException && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Lost the PostgreSQL notification connection; polling until it is back");
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private void Dispatch(string channel, string payload)
    {
        if (channel == EventsChannel)
        {
            signal.Notify();
        }
        else if (payload == CacheNotices.Aliases)
        {
            aliases.Invalidate();
        }
    }
}
