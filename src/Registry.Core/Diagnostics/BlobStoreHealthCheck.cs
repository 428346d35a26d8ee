using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Registry.Core.Storage;

namespace Registry.Core.Diagnostics;

/// <summary>The blob store can be read and written now (<see cref="IBlobStore.CheckAvailableAsync"/>).</summary>
internal sealed class BlobStoreHealthCheck(IBlobStore store, ILogger<BlobStoreHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.CheckAvailableAsync(cancellationToken);
            return HealthCheckResult.Healthy("the blob store answers");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning("Readiness: the blob store is not available: {Reason}", e.Message);
            return HealthCheckResult.Unhealthy("the blob store is not available");
        }
    }
}
