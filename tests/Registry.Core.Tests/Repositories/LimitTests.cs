using System.Net;
using Gallery.Testing;
using Registry.Core.Tests.Http;

namespace Registry.Core.Tests.Repositories;

/// <summary>Limits are options: a registry configured with a small layer limit refuses larger blobs and keeps nothing of them.</summary>
public sealed class LimitTests : IAsyncLifetime
{
    private TestDatabase? _database;
    private RegistryHost? _host;

    private HttpClient Client => _host!.Client;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _host = await RegistryHost.StartAsync(_database, new Dictionary<string, string?> { ["Gallery:Limits:MaxLayerBytes"] = "1000" });
    }

    [Fact]
    public async Task Monolithic_blob_over_the_limit_is_413_and_not_stored()
    {
        var blob = TestBlob.Random(1001);
        using var post = await Client.PostAsync($"/v2/tests/limits-repo/blobs/uploads/?digest={blob.Digest}", RegistryApi.Octets(blob.Content));
        await RegistryApi.AssertErrorAsync(post, HttpStatusCode.RequestEntityTooLarge, "SIZE_INVALID");
        Assert.Empty(Directory.GetFiles(Path.Combine(_database!.DataPath, "uploads")));
        Assert.False(Directory.Exists(Path.Combine(_database.DataPath, "blobs", "sha256")));
    }

    [Fact]
    public async Task Chunks_adding_up_past_the_limit_are_refused()
    {
        using var start = await Client.PostAsync("/v2/tests/limits-chunks/blobs/uploads/", null);
        using var first = await Client.PatchAsync(start.Headers.Location, RegistryApi.Octets(new byte[600]));
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        using var second = await Client.PatchAsync(start.Headers.Location, RegistryApi.Octets(new byte[600]));
        await RegistryApi.AssertErrorAsync(second, HttpStatusCode.RequestEntityTooLarge, "SIZE_INVALID");
        using var status = await Client.GetAsync(start.Headers.Location);
        Assert.Equal("0-599", RegistryApi.Header(status, "Range"));
    }

    public async Task DisposeAsync()
    {
        await _host!.DisposeAsync();
        await _database!.DisposeAsync();
    }
}
