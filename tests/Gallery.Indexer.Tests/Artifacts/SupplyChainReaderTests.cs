using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Gallery.Indexer.Artifacts;
using Gallery.Testing;
using Gallery.Testing.SupplyChain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core;
using Registry.Core.Data;
using Registry.Core.Data.Entities;

namespace Gallery.Indexer.Tests.Artifacts;

/// <summary>
/// Signed, SBOM and packages per current tag, as the search index and the badges read them: a cosign signature and an
/// SPDX referrer on one image, an SBOM on the platform image of an index, an untouched tag, cosign's tags left out.
/// </summary>
public abstract class SupplyChainReaderTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? _database;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database!.DisposeAsync();

    [Fact]
    public async Task Tags_carry_their_images_signatures_sboms_and_packages()
    {
        await using var host = await IndexHost.StartAsync(_database!);
        var client = host.Client;
        var repository = $"{TestPublisher.Alias}/supply-{Guid.NewGuid():N}"[..40];
        var signed = await PushImageAsync(client, repository, "1.0");
        await PushImageAsync(client, repository, "2.0");
        var platform = await PushImageAsync(client, repository, null);
        var index = await PutAsync(client, repository, "multi", "application/vnd.oci.image.index.v1+json", SupplyChainDocuments.Json(new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.index.v1+json",
            ["manifests"] = new JsonArray(new JsonObject
            {
                ["mediaType"] = platform.MediaType, ["digest"] = platform.Digest, ["size"] = platform.Size,
                ["platform"] = new JsonObject { ["os"] = "linux", ["architecture"] = "arm64" },
            }),
        }));

        var payload = SupplyChainDocuments.SimpleSigningPayload(repository, signed.Digest);
        await PushArtifactAsync(client, repository, $"sha256-{signed.Digest[7..]}.sig", null, null,
            (SupplyChainDocuments.CosignConfig(payload), "application/vnd.oci.image.config.v1+json"), (payload, "application/vnd.dev.cosign.simplesigning.v1+json"));
        await PushSbomAsync(client, repository, signed, [("zlib", "1.2.11", "Zlib"), ("openssl", "3.1.4", "Apache-2.0")]);
        await PushSbomAsync(client, repository, platform, [("busybox", "1.36.1", "GPL-2.0-only")]);
        await WaitForReadingAsync(host.Services, 3);

        await using var scope = host.Services.CreateAsyncScope();
        var reader = scope.ServiceProvider.GetRequiredService<SupplyChainReader>();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var repositoryId = await db.Repositories.Where(r => r.FullName == repository).Select(r => r.Id).SingleAsync();

        var tags = (await reader.ForRepositoriesAsync([repositoryId]))[repositoryId].OrderBy(t => t.Tag, StringComparer.Ordinal).ToList();
        Assert.Equal(
            [new TagSupplyChain("1.0", signed.Digest, true, true), new TagSupplyChain("2.0", tags[1].Digest, false, false), new TagSupplyChain("multi", index.Digest, false, true)],
            tags);
        var packages = await reader.PackagesAsync(repositoryId);
        Assert.Equal(
            [new TagPackage("1.0", "openssl", "3.1.4"), new TagPackage("1.0", "zlib", "1.2.11"), new TagPackage("multi", "busybox", "1.36.1")],
            packages.OrderBy(p => p.Tag, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal));
        Assert.Equal(new ImageSupplyChain(true, true), await reader.ForTagAsync(repository, "1.0"));
        Assert.Equal(ImageSupplyChain.None, await reader.ForTagAsync(repository, "2.0"));
        var badges = await reader.ForImagesAsync(repository, [signed.Digest, index.Digest, tags[1].Digest]);
        Assert.Equal(new[] { index.Digest, signed.Digest }.Order(StringComparer.Ordinal), badges.Keys.Order(StringComparer.Ordinal));
    }

    private sealed record Pushed(string Digest, string MediaType, long Size);

    private static async Task<Pushed> PushImageAsync(HttpClient client, string repository, string? tag)
    {
        var config = SupplyChainDocuments.Json(new JsonObject { ["os"] = "linux", ["architecture"] = "amd64", ["author"] = Guid.NewGuid().ToString() });
        return await PushArtifactAsync(client, repository, tag, null, null, (config, "application/vnd.oci.image.config.v1+json"),
            (RandomNumberGenerator.GetBytes(64), "application/vnd.oci.image.layer.v1.tar+gzip"));
    }

    private static Task<Pushed> PushSbomAsync(HttpClient client, string repository, Pushed subject, IEnumerable<(string, string, string)> packages) =>
        PushArtifactAsync(client, repository, null, subject, "application/spdx+json",
            ("{}"u8.ToArray(), "application/vnd.oci.empty.v1+json"), (SupplyChainDocuments.Spdx(0, packages: packages), "application/spdx+json"));

    private static async Task<Pushed> PushArtifactAsync(HttpClient client, string repository, string? tag, Pushed? subject, string? artifactType,
        (byte[] Content, string MediaType) config, (byte[] Content, string MediaType) layer)
    {
        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
            ["config"] = await PushBlobAsync(client, repository, config.Content, config.MediaType),
            ["layers"] = new JsonArray(await PushBlobAsync(client, repository, layer.Content, layer.MediaType)),
        };
        if (artifactType is not null)
        {
            manifest["artifactType"] = artifactType;
        }

        if (subject is not null)
        {
            manifest["subject"] = new JsonObject { ["mediaType"] = subject.MediaType, ["digest"] = subject.Digest, ["size"] = subject.Size };
        }

        var bytes = SupplyChainDocuments.Json(manifest);
        return await PutAsync(client, repository, tag ?? "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes)), "application/vnd.oci.image.manifest.v1+json", bytes);
    }

    private static async Task<JsonObject> PushBlobAsync(HttpClient client, string repository, byte[] content, string mediaType)
    {
        var digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));
        using var response = await client.PostAsync($"/v2/{repository}/blobs/uploads/?digest={digest}", new ByteArrayContent(content));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return new JsonObject { ["mediaType"] = mediaType, ["digest"] = digest, ["size"] = content.Length };
    }

    private static async Task<Pushed> PutAsync(HttpClient client, string repository, string reference, string mediaType, byte[] manifest)
    {
        var content = new ByteArrayContent(manifest);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using var response = await client.PutAsync($"/v2/{repository}/manifests/{reference}", content);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return new Pushed("sha256:" + Convert.ToHexStringLower(SHA256.HashData(manifest)), mediaType, manifest.Length);
    }

    private static async Task WaitForReadingAsync(IServiceProvider services, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            if (await db.Attachments.CountAsync(a => a.State == AttachmentState.Readable) >= expected)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "the attachments were not read within 30 s");
            await Task.Delay(100);
        }
    }
}

public sealed class SqliteSupplyChainReaderTests() : SupplyChainReaderTests(DatabaseProvider.Sqlite);

public sealed class PostgresSupplyChainReaderTests() : SupplyChainReaderTests(DatabaseProvider.Postgres);
