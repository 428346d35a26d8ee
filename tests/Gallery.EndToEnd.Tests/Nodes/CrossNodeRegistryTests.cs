using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Gallery.Testing;
using Gallery.Testing.OciLayouts;

namespace Gallery.EndToEnd.Tests.Nodes;

/// <summary>
/// Pushes, pulls, uploads and search across two nodes: whatever one node wrote, the other serves at once, an upload
/// may hop between them or lose its node mid-chunk, and each node's own index replica finds the other's pushes.
/// </summary>
[Collection(TwoNodes.Name)]
public sealed class CrossNodeRegistryTests(TwoNodesFixture nodes) : IDisposable
{
    private const int MiB = 1024 * 1024;

    private readonly TempDirectory _temp = new("e2e-nodes");
    private readonly HttpClient _http = new(new RegistryTokenHandler(TestPublisher.Credentials)) { Timeout = TimeSpan.FromSeconds(60) };

    private Uri A => nodes.A.BaseAddress;

    private Uri B => nodes.BUrl("");

    [Fact]
    public async Task Skopeo_pushes_to_one_node_and_pulls_the_same_image_from_the_other()
    {
        var repository = References.UniqueRepository("cross");
        var (layout, image) = OciLayouts.ThreeLayers(_temp.Sub("push"), repository, "1.0");
        await Skopeo.CopyAsync(References.Oci(layout.Directory, "1.0"), References.Docker(nodes.A.Authority, repository, "1.0"));

        await Skopeo.CopyAsync(References.Docker(nodes.BAuthority, repository, "1.0"), References.Oci(_temp.Sub("pull"), "1.0"));
        LayoutAssert.SameImage(layout, image, new OciLayoutReader(_temp.Sub("pull")), "1.0");
        Assert.Equal(image.ManifestBytes, await Skopeo.InspectRawAsync(References.Docker(nodes.BAuthority, repository, "1.0")));
    }

    [Fact]
    public async Task A_push_to_one_node_is_found_by_search_on_the_other_within_a_second()
    {
        var name = "searchable-" + Guid.NewGuid().ToString("N")[..8];
        var repository = $"{References.Alias}/{name}";
        var (layout, _) = OciLayouts.SingleLayer(_temp.Sub("push"), repository, "1.0");
        await Skopeo.CopyAsync(References.Oci(layout.Directory, "1.0"), References.Docker(nodes.A.Authority, repository, "1.0"));

        // Node B must find it within a second; on a machine so loaded that node A's own index took longer than that
        // (its in-process wake-up, the single-node figure), within a second of node A: what crossing nodes adds.
        var pushed = Stopwatch.StartNew();
        var onA = FoundAfterAsync(A, name, pushed);
        var onB = await FoundAfterAsync(B, name, pushed);
        var ownIndex = await onA;
        Assert.True(onB < TimeSpan.FromSeconds(1) || onB - ownIndex < TimeSpan.FromSeconds(1),
            $"{repository}, pushed to node A, took {onB.TotalMilliseconds:0} ms to be found by node B's search (node A's own search: {ownIndex.TotalMilliseconds:0} ms)");
    }

    [Fact]
    public async Task A_chunked_upload_started_on_one_node_is_continued_and_completed_on_the_other()
    {
        var repository = References.UniqueRepository("chunks");
        var blob = RandomNumberGenerator.GetBytes(3 * MiB + 17);
        var digest = Digest(blob);

        var location = await Uploads.StartAsync(_http, A, repository);
        await Uploads.PatchAsync(_http, A, location, blob, 0, MiB);
        await Uploads.PatchAsync(_http, B, location, blob, MiB, 2 * MiB);
        Assert.Equal(2 * MiB, await Uploads.SizeAsync(_http, A, location));
        await Uploads.PatchAsync(_http, A, location, blob, 2 * MiB, blob.Length);
        Assert.Equal(HttpStatusCode.Created, await Uploads.CompleteAsync(_http, B, location, digest));

        Assert.Equal(blob, await Uploads.GetBlobAsync(_http, A, repository, digest));
        Assert.Equal(blob, await Uploads.GetBlobAsync(_http, B, repository, digest));
    }

    [Fact]
    public async Task When_a_node_is_killed_mid_chunk_the_upload_finishes_on_the_other()
    {
        var repository = References.UniqueRepository("killed");
        var blob = RandomNumberGenerator.GetBytes(2 * MiB);
        var digest = Digest(blob);
        var location = await Uploads.StartAsync(_http, A, repository);
        await Uploads.PatchAsync(_http, A, location, blob, 0, MiB);

        // The second chunk streams into node A, which dies (SIGKILL) with half of it received; the client gives up.
        var stalled = new StallingContent(blob[MiB..(MiB + MiB / 2)]);
        stalled.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var patch = new HttpRequestMessage(HttpMethod.Patch, new Uri(A, location)) { Content = stalled };
        using var giveUp = new CancellationTokenSource();
        var sending = _http.SendAsync(patch, giveUp.Token);
        await stalled.Sent.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(200);
        try
        {
            await nodes.A.StopAsync(graceful: false);
            await giveUp.CancelAsync();
            await Assert.ThrowsAnyAsync<Exception>(() => sending);

            // Node B reports only what was durably received, and takes the upload from there once the dead node's
            // hold on it has lapsed (until then it answers 416, as to any client racing another writer).
            Assert.Equal(MiB, await Uploads.SizeAsync(_http, B, location));
            var retried = Stopwatch.StartNew();
            while (await Uploads.TryPatchAsync(_http, B, location, blob, MiB, blob.Length) == HttpStatusCode.RequestedRangeNotSatisfiable)
            {
                Assert.True(retried.Elapsed < TimeSpan.FromSeconds(60), "node B never took over the upload of the killed node");
                await Task.Delay(500);
            }

            Assert.Equal(HttpStatusCode.Created, await Uploads.CompleteAsync(_http, B, location, digest));
            Assert.Equal(blob, await Uploads.GetBlobAsync(_http, B, repository, digest));
        }
        finally
        {
            await nodes.A.RestartAsync();
        }

        Assert.Equal(blob, await Uploads.GetBlobAsync(_http, nodes.A.BaseAddress, repository, digest));
    }

    /// <summary>How long after <paramref name="since"/> started the node's search first finds <paramref name="text"/>.</summary>
    private async Task<TimeSpan> FoundAfterAsync(Uri node, string text, Stopwatch since)
    {
        while (await SearchTotalAsync(node, text) == 0)
        {
            Assert.True(since.Elapsed < TimeSpan.FromSeconds(10), $"{text} was never found by {node}'s search");
            await Task.Delay(20);
        }

        return since.Elapsed;
    }

    private async Task<long> SearchTotalAsync(Uri node, string text)
    {
        using var response = await _http.GetAsync(new Uri(node, $"/api/search?searchTerm={text}"));
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        return json.RootElement.GetProperty("total").GetInt64();
    }

    private static string Digest(byte[] blob) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(blob));

    public void Dispose()
    {
        _http.Dispose();
        _temp.Dispose();
    }
}
