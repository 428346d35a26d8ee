using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Registry.Core.Data;

namespace Registry.Core.Diagnostics;

/// <summary>The database answers a query now (a round trip, not just a pooled connection that may be dead).</summary>
internal sealed class DatabaseHealthCheck(RegistryDbContext db, ILogger<DatabaseHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
            return HealthCheckResult.Healthy("the database answers");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException or OperationCanceledException)
        {
            // The reason goes to the log, not to the public answer (it can name hosts and users).
            logger.LogWarning("Readiness: the database does not answer: {Reason}", e.Message);
            return HealthCheckResult.Unhealthy("the database does not answer");
        }
    }
}
