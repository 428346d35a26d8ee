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
/// server, configured like the server (environment variables), refusing a database the server never migrated.
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
        ProcessRunner.RunAsync("dotnet", [GalleryDll, "gc", .. options, "--contentRoot", AppContext.BaseDirectory],
            TimeSpan.FromSeconds(60), database.DataPath, database.EnvironmentVariables);

    private static string Digest(byte[] content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));

    private static string BlobFile(TestDatabase database, string digest) =>
        Path.Combine(database.DataPath, "blobs", "sha256", digest[7..9], digest[7..]);
}
