using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Gallery.Indexer.Diagnostics;

/// <summary>
/// This index replica has caught up: its oldest unindexed event is younger than <see cref="IndexOptions.MaxLag"/>.
/// A new replica that is still building itself from the database is not ready.
/// </summary>
internal sealed class IndexHealthCheck(IndexLagProbe probe, IOptions<IndexOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (probe.TryRead() is not { } lag)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("the index's position cannot be read (the database does not answer)"));
        }

        var data = new Dictionary<string, object>
        {
            ["lagEvents"] = lag.Events,
            ["lagSeconds"] = Math.Round(lag.Behind.TotalSeconds, 3),
        };
        var maxLag = options.Value.MaxLag;
        return Task.FromResult(lag.Behind <= maxLag
            ? HealthCheckResult.Healthy("the index has caught up", data)
            : HealthCheckResult.Unhealthy($"the index is {lag.Behind.TotalSeconds:0} s behind (more than {maxLag.TotalSeconds:0} s)", data: data));
    }
}
