using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Data;

namespace Registry.Core.Diagnostics;

/// <summary>
/// The registry's own meters (<see cref="MeterName"/>), named as Prometheus shows them: <c>gallery_…</c>, with the
/// unit and <c>_total</c> the exporter adds. README's metrics table lists each one.
/// </summary>
public sealed class RegistryMetrics
{
    public const string MeterName = "Gallery.Registry";

    private readonly Counter<long> _blobBytesPushed;
    private readonly Counter<long> _blobBytesPulled;
    private readonly Counter<long> _manifestsPushed;
    private readonly Counter<long> _pulls;
    private readonly Counter<long> _rateLimited;

    public RegistryMetrics(IMeterFactory meters, IServiceScopeFactory scopes)
    {
        var meter = meters.Create(MeterName);
        _blobBytesPushed = meter.CreateCounter<long>("gallery_blob_pushed", "By", "Bytes of blobs committed by pushes (new or already stored).");
        _blobBytesPulled = meter.CreateCounter<long>("gallery_blob_pulled", "By", "Bytes of blob content served by blob GETs (whole or ranges).");
        _manifestsPushed = meter.CreateCounter<long>("gallery_manifests_pushed", null, "Manifests accepted by PUT (by tag or digest) or PutImage.");
        _pulls = meter.CreateCounter<long>("gallery_pulls", null, "Image pulls counted (manifest GETs with a body), as repository pull counts see them.");
        _rateLimited = meter.CreateCounter<long>("gallery_rate_limited_requests", null, "Requests refused with 429, by area (registry or console).");
        meter.CreateObservableCounter("gallery_outbox_events_written", () => Query(scopes, db => db.Events.Max(e => (long?)e.Id) ?? 0), null,
            "Events committed to the outbox since the database was created (its highest event id): the same on every node.");
        meter.CreateObservableGauge("gallery_upload_sessions_open", () => Query(scopes, db => db.UploadSessions.LongCount()), null,
            "Chunked upload sessions started and not yet completed, cancelled or expired (every node's).");
    }

    public void BlobPushed(long bytes) => _blobBytesPushed.Add(bytes);

    public void BlobPulled(long bytes) => _blobBytesPulled.Add(bytes);

    public void ManifestPushed() => _manifestsPushed.Add(1);

    public void Pulled() => _pulls.Add(1);

    public void RateLimited(string area) => _rateLimited.Add(1, new KeyValuePair<string, object?>("area", area));

    /// <summary>Read from the database at scrape time, so the figure holds across nodes; no figure while the database is away.</summary>
    private static IEnumerable<Measurement<long>> Query(IServiceScopeFactory scopes, Func<RegistryDbContext, long> read)
    {
        using var scope = scopes.CreateScope();
        long value;
        try
        {
            value = read(scope.ServiceProvider.GetRequiredService<RegistryDbContext>());
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            return [];
        }

        return [new Measurement<long>(value)];
    }
}
