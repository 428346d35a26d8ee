using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Gallery.Testing;
using Gallery.Testing.Processes;
using Registry.Core;

namespace Gallery.EndToEnd.Tests;

/// <summary>
/// <c>dotnet Gallery.Web.dll gc</c>, the way an operator runs it: on the data directory and database of a stopped
/// server, configured like the server (environment variables), refusing a database the server never migrated; on S3
/// too. And a node configured with a bucket that does not exist refuses to start.
/// </summary>
public sealed class GarbageCollectCommandTests
{
    private static string GalleryDll => Path.Combine(AppContext.BaseDirectory, GalleryProcess.AssemblyName);

    [Fact]
    public async Task Gc_on_a_stopped_server_deletes_a_deleted_image_and_its_unlinked_layer_and_keeps_the_rest()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        string repository = "tests/gc-e2e", keptLayer, goneLayer, goneManifest;
        await using (var gallery = await GalleryProcess.StartAsync(database))
        {
            using var http = new HttpClient(new RegistryTokenHandler(TestPublisher.Credentials)) { BaseAddress = gallery.BaseAddress };
            keptLayer = await PushImageAsync(http, repository, "kept");
            goneLayer = await PushImageAsync(http, repository, "gone");
            goneManifest = (await http.GetAsync($"/v2/{repository}/manifests/gone")).Headers.GetValues("Docker-Content-Digest").Single();
            using var deleteImage = await http.DeleteAsync($"/v2/{repository}/manifests/{goneManifest}");
            using var unlinkLayer = await http.DeleteAsync($"/v2/{repository}/blobs/{goneLayer}");
            Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (deleteImage.StatusCode, unlinkLayer.StatusCode));
            await gallery.StopAsync();
        }

        var dryRun = (await RunGcAsync(database, "--dry-run")).EnsureSuccess();
        Assert.Contains($"would delete blob {goneLayer}", dryRun.StandardOutput);
        Assert.True(File.Exists(BlobFile(database, goneLayer)), dryRun.Describe());

        var gc = (await RunGcAsync(database)).EnsureSuccess();
        Assert.Contains($"deleted blob {goneManifest}", gc.StandardOutput);
        Assert.Contains("Garbage collection done.", gc.StandardOutput);
        Assert.False(File.Exists(BlobFile(database, goneLayer)), gc.Describe());
        Assert.False(File.Exists(BlobFile(database, goneManifest)), gc.Describe());
        Assert.True(File.Exists(BlobFile(database, keptLayer)), gc.Describe());
    }

    [Fact]
    public async Task Gc_on_s3_lists_with_dry_run_then_deletes_the_objects_of_a_deleted_image()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var bucket = await TestBucket.CreateAsync();
        var environment = Environment(database, bucket);
        string repository = "tests/gc-s3", keptLayer, goneManifest;
        await using (var gallery = await GalleryProcess.StartAsync(database, environment))
        {
            using var http = new HttpClient(new RegistryTokenHandler(TestPublisher.Credentials)) { BaseAddress = gallery.BaseAddress };
            keptLayer = await PushImageAsync(http, repository, "kept");
            await PushImageAsync(http, repository, "gone");
            goneManifest = (await http.GetAsync($"/v2/{repository}/manifests/gone")).Headers.GetValues("Docker-Content-Digest").Single();
            using var deleteImage = await http.DeleteAsync($"/v2/{repository}/manifests/{goneManifest}");
            Assert.Equal(HttpStatusCode.Accepted, deleteImage.StatusCode);
            await gallery.StopAsync();
        }

        var dryRun = (await RunGcAsync(environment, database.DataPath, "--dry-run")).EnsureSuccess();
        Assert.Contains($"would delete blob {goneManifest}", dryRun.StandardOutput);
        Assert.Contains(ObjectKey(goneManifest), await bucket.KeysAsync());

        var gc = (await RunGcAsync(environment, database.DataPath)).EnsureSuccess();
        Assert.Contains($"deleted blob {goneManifest}", gc.StandardOutput);
        var keys = await bucket.KeysAsync();
        Assert.DoesNotContain(ObjectKey(goneManifest), keys);
        Assert.Contains(ObjectKey(keptLayer), keys);
    }

    [Fact]
    public async Task A_node_whose_bucket_does_not_exist_refuses_to_start_with_one_line_naming_the_setting()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var bucket = await TestBucket.CreateAsync();
        var environment = new Dictionary<string, string?>(Environment(database, bucket)) { ["Gallery__Storage__S3__Bucket"] = "no-such-bucket-here" };

        var start = (await ProcessRunner.RunAsync("dotnet", [GalleryDll, "--urls", $"http://127.0.0.1:{FreePort.Next()}", "--contentRoot", AppContext.BaseDirectory],
            TimeSpan.FromSeconds(60), database.DataPath, environment)).EnsureFailure();

        var line = Assert.Single(start.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("Gallery cannot start: Gallery__Storage__S3__Bucket: the bucket 'no-such-bucket-here' does not exist", line);
    }

    [Fact]
    public async Task Gc_refuses_a_database_the_server_never_created()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var gc = (await RunGcAsync(database)).EnsureFailure();

        Assert.Contains("the database does not exist", gc.StandardError);
        Assert.False(File.Exists(Path.Combine(database.DataPath, "gallery.db")));
    }

    /// <summary>Pushes a one-layer image (monolithic blob uploads) and returns its layer's digest.</summary>
    private static async Task<string> PushImageAsync(HttpClient http, string repository, string tag)
    {
        var layer = RandomNumberGenerator.GetBytes(512);
        var config = Encoding.UTF8.GetBytes($$$"""{"architecture":"amd64","os":"linux","author":"{{{tag}}}","rootfs":{"type":"layers","diff_ids":[]}}""");
        var (layerDigest, configDigest) = (Digest(layer), Digest(config));
        foreach (var (digest, content) in new[] { (layerDigest, layer), (configDigest, config) })
        {
            using var upload = await http.PostAsync($"/v2/{repository}/blobs/uploads/?digest={digest}", new ByteArrayContent(content));
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        }

        var manifest = new StringContent($$"""
            {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
             "config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"{{configDigest}}","size":{{config.Length}}},
             "layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"{{layerDigest}}","size":{{layer.Length}}}]}
            """);
        manifest.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.oci.image.manifest.v1+json");
        using var put = await http.PutAsync($"/v2/{repository}/manifests/{tag}", manifest);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        return layerDigest;
    }

    private static Task<ProcessResult> RunGcAsync(TestDatabase database, params string[] options) =>
        RunGcAsync(database.EnvironmentVariables, database.DataPath, options);

    private static Task<ProcessResult> RunGcAsync(IReadOnlyDictionary<string, string?> environment, string workingDirectory, params string[] options) =>
        ProcessRunner.RunAsync("dotnet", [GalleryDll, "gc", .. options, "--contentRoot", AppContext.BaseDirectory],
            TimeSpan.FromSeconds(60), workingDirectory, environment);

    /// <summary>The server's environment with blobs in <paramref name="bucket"/>.</summary>
    private static IReadOnlyDictionary<string, string?> Environment(TestDatabase database, TestBucket bucket) =>
        database.EnvironmentVariables.Concat(bucket.Settings.Select(kv => KeyValuePair.Create(kv.Key.Replace(":", "__", StringComparison.Ordinal), kv.Value)))
            .ToDictionary(kv => kv.Key, kv => kv.Value);

    private static string ObjectKey(string digest) => $"blobs/sha256/{digest[7..9]}/{digest[7..]}";

    private static string Digest(byte[] content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));

    private static string BlobFile(TestDatabase database, string digest) =>
        Path.Combine(database.DataPath, "blobs", "sha256", digest[7..9], digest[7..]);
}
