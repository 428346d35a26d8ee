using Gallery.Testing;

namespace Gallery.EndToEnd.Tests.Nodes;

/// <summary>
/// Where both nodes keep blobs and upload sessions: one bucket on the test run's Ceph RADOS Gateway
/// (<see cref="TestBucket"/>). Nothing of a node's data path is shared.
/// </summary>
internal sealed class NodeStorage : IAsyncDisposable
{
    private readonly TestBucket _bucket;

    private NodeStorage(TestBucket bucket) => _bucket = bucket;

    public static async Task<NodeStorage> CreateAsync() => new(await TestBucket.CreateAsync());

    /// <summary>The settings (environment variables) a node needs to use this storage.</summary>
    public IReadOnlyDictionary<string, string?> Environment =>
        _bucket.Settings.ToDictionary(kv => kv.Key.Replace(":", "__", StringComparison.Ordinal), kv => kv.Value);

    public ValueTask DisposeAsync() => _bucket.DisposeAsync();
}
