using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Gallery.Indexer.Diagnostics;

/// <summary>The index's meters (<see cref="MeterName"/>): how far this replica is behind the outbox, and how long searches take.</summary>
public sealed class IndexMetrics
{
    public const string MeterName = "Gallery.Index";

    private readonly Histogram<double> _searchDuration;

    public IndexMetrics(IMeterFactory meters, IServiceScopeFactory scopes)
    {
        var meter = meters.Create(MeterName);
        _searchDuration = meter.CreateHistogram("gallery_search_duration", "s", "Time to answer one search (pages and /api/search), from query to page of hits.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1] });
        meter.CreateObservableGauge("gallery_index_lag_events", () => Read(scopes, lag => lag.Events), null,
            "Outbox events after this index replica's checkpoint (not yet searchable from a committed index).");
        meter.CreateObservableGauge("gallery_index_lag", () => Read(scopes, lag => lag.Behind.TotalSeconds), "s",
            "Age of the oldest outbox event this index replica has not committed yet; 0 when caught up.");
    }

    public void SearchTook(TimeSpan duration) => _searchDuration.Record(duration.TotalSeconds);

    private static IEnumerable<Measurement<T>> Read<T>(IServiceScopeFactory scopes, Func<IndexLag, T> pick) where T : struct
    {
        using var scope = scopes.CreateScope();
        return scope.ServiceProvider.GetRequiredService<IndexLagProbe>().TryRead() is { } lag ? [new Measurement<T>(pick(lag))] : [];
    }
}
