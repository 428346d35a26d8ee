using Gallery.Testing.OciLayouts;

namespace Gallery.EndToEnd.Tests.Operations;

/// <summary>GET /metrics on the real server: our gallery_ meters move when skopeo pushes and pulls, next to the framework's.</summary>
public abstract class MetricsTests(GalleryFixture fixture) : GalleryTest(fixture)
{
    [Fact]
    public async Task Push_and_pull_move_the_gallery_meters()
    {
        var repository = References.UniqueRepository("metrics");
        var (layout, image) = OciLayouts.SingleLayer(Temp.Sub("push"), repository, "v1");
        var blobBytes = image.Config.Size + image.Layers.Sum(l => l.Size);
        var before = await ScrapeAsync();

        await Skopeo.CopyAsync(References.Oci(layout.Directory, "v1"), Docker(repository, "v1"));
        var pushed = await ScrapeAsync();
        await Skopeo.CopyAsync(Docker(repository, "v1"), References.Oci(Temp.Sub("pull"), "v1"));
        var pulled = await ScrapeAsync();

        Assert.True(pushed["gallery_blob_pushed_bytes_total"] - before["gallery_blob_pushed_bytes_total"] >= blobBytes, pushed.Text);
        Assert.True(pushed["gallery_manifests_pushed_total"] - before["gallery_manifests_pushed_total"] >= 1);
        Assert.True(pushed["gallery_outbox_events_written_total"] > before["gallery_outbox_events_written_total"]);
        Assert.True(pulled["gallery_pulls_total"] - pushed["gallery_pulls_total"] >= 1);
        Assert.True(pulled["gallery_blob_pulled_bytes_total"] - pushed["gallery_blob_pulled_bytes_total"] >= blobBytes);
        Assert.True(pulled["http_server_request_duration_seconds_count"] > before["http_server_request_duration_seconds_count"]);
        foreach (var always in new[] { "gallery_upload_sessions_open", "gallery_index_lag_events", "gallery_index_lag_seconds", "dotnet_gc_collections_total" })
        {
            Assert.True(pulled.Has(always), $"{always} is missing from the scrape:\n{pulled.Text}");
        }
    }

    [Fact]
    public async Task Searches_are_timed_in_a_histogram()
    {
        var before = await ScrapeAsync();
        using (var search = await Gallery.Client.GetAsync(Gallery.Url("api/search?searchTerm=metrics")))
        {
            search.EnsureSuccessStatusCode();
        }

        var after = await ScrapeAsync();
        Assert.True(after["gallery_search_duration_seconds_count"] >= before["gallery_search_duration_seconds_count"] + 1, after.Text);
        Assert.Contains("gallery_search_duration_seconds_bucket{", after.Text, StringComparison.Ordinal);
    }

    private Task<PrometheusScrape> ScrapeAsync() => PrometheusScrape.ReadAsync(Gallery.Client, Gallery.Url("metrics"));
}

[Collection(SqliteGallery.Name)]
public sealed class SqliteMetricsTests(SqliteGalleryFixture fixture) : MetricsTests(fixture);

[Collection(PostgresGallery.Name)]
public sealed class PostgresMetricsTests(PostgresGalleryFixture fixture) : MetricsTests(fixture);
