using Gallery.Testing;
using Gallery.Testing.Processes;
using Registry.Core;

namespace Gallery.EndToEnd.Tests.Nodes;

/// <summary>
/// Two real Gallery.Web processes on one PostgreSQL database and one S3 bucket (<see cref="NodeStorage"/>), started
/// together: each with its own data path (so its own node id, index replica and checkpoint, and nothing shared on
/// disk), one token service name and one key ring key for both, and pull rate limits low enough to measure. Clients reach node A as
/// 127.0.0.1 and node B as localhost, as nodes behind different host names.
/// </summary>
public sealed class TwoNodesFixture : IAsyncLifetime
{
    public const string Service = "gallery-nodes-e2e";

    /// <summary>Anonymous pulls per second and burst, per client address, across the whole deployment.</summary>
    public const int AnonymousPullsPerSecond = 20;

    private readonly TempDirectory _temp = new("e2e-nodes");
    private TestDatabase? _database;
    private NodeStorage? _storage;

    /// <summary>The key ring's key, one file for both nodes, as a deployment shares it.</summary>
    private string KeyRingKeyFile => _temp.Sub("keyring.key");

    public GalleryProcess A { get; private set; } = null!;

    public GalleryProcess B { get; private set; } = null!;

    /// <summary>Node B under another host name than node A's 127.0.0.1.</summary>
    public string BAuthority => $"localhost:{B.Port}";

    public Uri BUrl(string relative) => new($"http://{BAuthority}/{relative}");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        _storage = await NodeStorage.CreateAsync();
        File.WriteAllText(KeyRingKeyFile, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        var started = await Task.WhenAll(StartNodeAsync("a"), StartNodeAsync("b"));
        (A, B) = (started[0], started[1]);
    }

    private Task<GalleryProcess> StartNodeAsync(string name)
    {
        var dataPath = _temp.Sub("node-" + name);
        Directory.CreateDirectory(dataPath);
        var environment = new Dictionary<string, string?>(_storage!.Environment)
        {
            ["Gallery__DataPath"] = dataPath,
            ["Gallery__Access__Service"] = Service,
            ["Gallery__KeyRing__KeyFile"] = KeyRingKeyFile,
            ["Gallery__Console__AccountPostsPerMinute"] = "0",
            ["Gallery__RateLimits__AnonymousPullsPerSecond"] = AnonymousPullsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Gallery__RateLimits__AnonymousBurst"] = AnonymousPullsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return GalleryProcess.StartAsync(_database!, environment);
    }

    public async Task DisposeAsync()
    {
        await Task.WhenAll(A?.DisposeAsync().AsTask() ?? Task.CompletedTask, B?.DisposeAsync().AsTask() ?? Task.CompletedTask);
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        if (_storage is not null)
        {
            await _storage.DisposeAsync();
        }

        _temp.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class TwoNodes : ICollectionFixture<TwoNodesFixture>
{
    public const string Name = "Two Gallery.Web nodes on PostgreSQL";
}
