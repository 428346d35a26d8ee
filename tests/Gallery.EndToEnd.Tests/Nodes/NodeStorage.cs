using Gallery.Testing;

namespace Gallery.EndToEnd.Tests.Nodes;

/// <summary>
/// Where both nodes keep blobs and upload sessions. Nothing else of a node's data path is shared. For now one shared
/// directory, linked as each node's <c>blobs</c> and <c>uploads</c> (the filesystem store's layout); with the S3
/// store this becomes the bucket settings, and nothing else in the two-node tests changes.
/// </summary>
internal sealed class NodeStorage
{
    private readonly string _shared;

    private NodeStorage(string shared) => _shared = shared;

    public static NodeStorage Create(TempDirectory temp)
    {
        var shared = temp.Sub("shared-storage");
        Directory.CreateDirectory(Path.Combine(shared, "blobs"));
        Directory.CreateDirectory(Path.Combine(shared, "uploads"));
        return new NodeStorage(shared);
    }

    /// <summary>The settings (environment variables) a node with data path <paramref name="dataPath"/> needs to use this storage.</summary>
    public IReadOnlyDictionary<string, string?> Environment(string dataPath)
    {
        foreach (var part in new[] { "blobs", "uploads" })
        {
            Directory.CreateSymbolicLink(Path.Combine(dataPath, part), Path.Combine(_shared, part));
        }

        return new Dictionary<string, string?>();
    }
}
