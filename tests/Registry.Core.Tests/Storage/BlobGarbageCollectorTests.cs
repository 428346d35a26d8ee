using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Gallery.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Access;
using Registry.Core.Data;
using Registry.Core.Repositories.CatalogData;
using Registry.Core.Repositories.Management;
using Registry.Core.Storage;
using Registry.Core.Tests.Http;

namespace Registry.Core.Tests.Storage;

/// <summary>
/// Garbage collection on a registry that is not taking pushes: what deleted repositories, images and replaced logos
/// leave behind goes; whatever a repository, manifest or logo still uses stays and pulls byte for byte.
/// The tests of one class share a registry and run one at a time, so each asserts on its own digests.
/// </summary>
public abstract class BlobGarbageCollectorTests(RegistryFixture fixture) : ApiTestBase(fixture)
{
    private static readonly byte[] PngHeader = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    [Fact]
    public async Task Deleting_a_repository_frees_what_only_it_used_and_keeps_everything_else()
    {
        var shared = TestBlob.Random(3000);
        var deleted = new TestImage(TestBlob.Config(), [shared, TestBlob.Random(2000)]);
        var kept = new TestImage(TestBlob.Config(architecture: "arm64"), [shared, TestBlob.Random(2500)]);
        var (deletedName, keptName) = (RegistryApi.UniqueName(), RegistryApi.UniqueName());
        await Api.PushImageAsync(deletedName, deleted, "v1");
        await Api.PushImageAsync(keptName, kept, "v1");
        var repositoryLogo = Png();
        await SetRepositoryLogoAsync(keptName, repositoryLogo);
        var (replacedRegistryLogo, registryLogo) = (Png(), Png());
        await SetRegistryLogosAsync(replacedRegistryLogo, registryLogo);
        await DeleteRepositoryAsync(deletedName);

        var (result, log) = await CollectAsync();

        var gone = deleted.Blobs.Except([shared]).Select(b => b.Digest).Append(deleted.Digest).Append(DigestOf(replacedRegistryLogo)).ToList();
        await AssertStoredAsync(gone, false);
        Assert.All(gone, digest => Assert.Contains($"deleted blob {digest}", log));
        Assert.Empty(await QueryAsync(db => db.Blobs.Where(b => gone.Contains(b.Digest)).Select(b => b.Digest).ToListAsync()));
        Assert.True(result.BlobsDeleted >= gone.Count);
        Assert.True(result.BytesFreed >= deleted.Blobs.Except([shared]).Sum(b => b.Content.Length) + deleted.Manifest.Length + replacedRegistryLogo.Length);

        var live = kept.Blobs.Select(b => b.Digest).Append(kept.Digest).Append(DigestOf(repositoryLogo)).Append(DigestOf(registryLogo)).ToList();
        await AssertStoredAsync(live, true);
        Assert.Equal(kept.Blobs.Count(), await QueryAsync(db => db.Blobs.CountAsync(b => kept.Blobs.Select(k => k.Digest).Contains(b.Digest))));
        await AssertPullsAsync(keptName, kept);
        using var logo = await Fixture.Host.RawClient.GetAsync("/api/logos/" + DigestOf(repositoryLogo));
        Assert.Equal(repositoryLogo, await logo.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_dry_run_lists_what_would_go_and_deletes_nothing()
    {
        var image = TestImage.Create(layers: 2);
        var name = RegistryApi.UniqueName();
        await Api.PushImageAsync(name, image);
        await DeleteRepositoryAsync(name);
        var digests = image.Blobs.Select(b => b.Digest).Append(image.Digest).ToList();

        var (dryRun, log) = await CollectAsync(dryRun: true);

        Assert.True(dryRun.DryRun);
        await AssertStoredAsync(digests, true);
        Assert.All(digests, digest => Assert.Contains($"would delete blob {digest}", log));
        Assert.All(image.Blobs, blob => Assert.Contains($"would delete row Blobs {blob.Digest}", log));
        Assert.Equal(image.Blobs.Count(), await QueryAsync(db => db.Blobs.CountAsync(b => digests.Contains(b.Digest))));

        var (collected, _) = await CollectAsync();
        Assert.Equal((dryRun.BlobsDeleted, dryRun.BytesFreed, dryRun.BlobRowsDeleted), (collected.BlobsDeleted, collected.BytesFreed, collected.BlobRowsDeleted));
        await AssertStoredAsync(digests, false);
    }

    [Fact]
    public async Task A_second_run_finds_nothing_to_do()
    {
        var name = RegistryApi.UniqueName();
        var image = TestImage.Create();
        await Api.PushImageAsync(name, image, "a");
        await Api.PushImageAsync(name, TestImage.Create(), "b");
        using (var delete = await Client.DeleteAsync($"/v2/{name}/manifests/{image.Digest}"))
        {
            Assert.Equal(HttpStatusCode.Accepted, delete.StatusCode);
        }

        var (first, _) = await CollectAsync();
        var (second, log) = await CollectAsync();

        Assert.True(first.BlobsDeleted >= 1);
        await AssertStoredAsync([image.Digest], false);

        Assert.Equal((0, 0L, 0), (second.BlobsDeleted, second.BytesFreed, second.BlobRowsDeleted));
        Assert.Equal(first.BlobsKept, second.BlobsKept);
        Assert.DoesNotContain("delete", log);
    }

    [Fact]
    public async Task Deleting_an_image_frees_what_only_it_used_and_an_upload_no_manifest_followed()
    {
        var shared = TestBlob.Random(3000);
        var removed = new TestImage(TestBlob.Config(), [shared, TestBlob.Random(2000)]);
        var remaining = new TestImage(TestBlob.Config(architecture: "arm64"), [shared, TestBlob.Random(2500)]);
        var name = RegistryApi.UniqueName();
        await Api.PushImageAsync(name, removed, "old");
        await Api.PushImageAsync(name, remaining, "v1");
        var orphan = TestBlob.Random(1500);
        await Api.PushBlobAsync(name, orphan);
        using (var delete = await Client.DeleteAsync($"/v2/{name}/manifests/{removed.Digest}"))
        {
            Assert.Equal(HttpStatusCode.Accepted, delete.StatusCode);
        }

        var unused = removed.Blobs.Except([shared]).Append(orphan).Select(b => b.Digest).ToList();
        var gone = unused.Append(removed.Digest).ToList();
        var (dryRun, dryLog) = await CollectAsync(dryRun: true);
        Assert.All(unused, digest => Assert.Contains($"would unlink {digest} from {name}", dryLog));
        Assert.All(gone, digest => Assert.Contains($"would delete blob {digest}", dryLog));
        await AssertStoredAsync(gone, true);

        var (result, _) = await CollectAsync();

        await AssertStoredAsync(gone, false);
        Assert.Equal(dryRun.LinksRemoved, result.LinksRemoved);
        Assert.True(result.LinksRemoved >= unused.Count);
        await AssertStoredAsync(remaining.Blobs.Select(b => b.Digest).Append(remaining.Digest), true);
        await AssertPullsAsync(name, remaining);
        using var head = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/v2/{name}/blobs/{orphan.Digest}"));
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
    }

    [Fact]
    public async Task A_layer_unlinked_from_its_repository_but_still_in_a_manifest_is_kept()
    {
        var image = TestImage.Create();
        var name = RegistryApi.UniqueName();
        await Api.PushImageAsync(name, image);
        using (var unlink = await Client.DeleteAsync($"/v2/{name}/blobs/{image.Layers[0].Digest}"))
        {
            Assert.Equal(HttpStatusCode.Accepted, unlink.StatusCode);
        }

        await CollectAsync();

        await AssertStoredAsync([image.Layers[0].Digest, image.Digest], true);
    }

    [Fact]
    public async Task Foreign_files_and_upload_sessions_are_left_alone()
    {
        var digest = DigestOf(RandomNumberGenerator.GetBytes(10))["sha256:".Length..];
        string[] foreign =
        [
            "notes.txt",
            "sha256/ab/not-a-digest",
            $"sha256/{(digest[..2] == "00" ? "01" : "00")}/{digest}",
            $"md5/{digest[..2]}/{digest}",
            $"sha256/{digest[..2]}/.{digest}",
        ];
        foreach (var name in foreign)
        {
            await WriteForeignAsync(name);
        }

        var repository = RegistryApi.UniqueName();
        using var start = await Client.PostAsync($"/v2/{repository}/blobs/uploads/", null);
        using (await Client.PatchAsync(start.Headers.Location, RegistryApi.Octets(new byte[100])))
        {
        }

        var (result, log) = await CollectAsync();

        foreach (var name in foreign)
        {
            Assert.True(await ForeignExistsAsync(name), name);
            Assert.Contains($"left alone: {name.Replace('/', Path.DirectorySeparatorChar)}", log);
        }

        Assert.True(result.ForeignFiles >= foreign.Length);
        var upload = Guid.Parse(RegistryApi.Header(start, "Docker-Upload-UUID"));
        Assert.Contains(upload, await Fixture.Host.Services.GetRequiredService<IBlobStore>().ListUploadsAsync(CancellationToken.None).Select(u => u.Id).ToListAsync());
        using var status = await Client.GetAsync(start.Headers.Location);
        Assert.Equal(HttpStatusCode.NoContent, status.StatusCode);
    }

    /// <summary>Something under the store's blobs/ that the registry did not put there: a file, or an object in the bucket.</summary>
    private async Task WriteForeignAsync(string name)
    {
        if (Fixture.Bucket is { } bucket)
        {
            await bucket.Client.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest { BucketName = bucket.Options.Bucket, Key = "blobs/" + name, ContentBody = "not a blob" });
            return;
        }

        var file = Path.Combine(Fixture.Database.DataPath, "blobs", name);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, "not a blob");
    }

    private async Task<bool> ForeignExistsAsync(string name) =>
        Fixture.Bucket is { } bucket
            ? (await bucket.KeysAsync()).Contains("blobs/" + name)
            : File.Exists(Path.Combine(Fixture.Database.DataPath, "blobs", name));

    private async Task AssertStoredAsync(IEnumerable<string> digests, bool stored)
    {
        var store = Fixture.Host.Services.GetRequiredService<IBlobStore>();
        foreach (var digest in digests)
        {
            var size = await store.GetSizeAsync(Registry.Core.Oci.Digest.Parse(digest), CancellationToken.None);
            Assert.True(size is not null == stored, $"{digest} should {(stored ? "have been kept" : "have been collected")}");
        }
    }

    private async Task AssertPullsAsync(string name, TestImage image)
    {
        var puller = Fixture.Host.AnonymousClient;
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v2/{name}/manifests/v1");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(image.MediaType));
        using var manifest = await puller.SendAsync(request);
        Assert.Equal(image.Manifest, await manifest.Content.ReadAsByteArrayAsync());
        foreach (var blob in image.Blobs)
        {
            Assert.Equal(blob.Content, await puller.GetByteArrayAsync($"/v2/{name}/blobs/{blob.Digest}"));
        }
    }

    private async Task<(BlobGarbageCollection Result, string Log)> CollectAsync(bool dryRun = false)
    {
        await using var scope = Fixture.Host.Services.CreateAsyncScope();
        using var log = new StringWriter();
        var result = await scope.ServiceProvider.GetRequiredService<BlobGarbageCollector>().RunAsync(dryRun, log, CancellationToken.None);
        return (result, log.ToString());
    }

    private async Task DeleteRepositoryAsync(string fullName)
    {
        await using var scope = Fixture.Host.Services.CreateAsyncScope();
        var management = scope.ServiceProvider.GetRequiredService<RepositoryManagementService>();
        var registry = (await management.FindRegistryAsync(TestPublisher.Alias, CancellationToken.None))!;
        var repository = (await management.FindAsync(registry.Id, fullName[(TestPublisher.Alias.Length + 1)..], CancellationToken.None))!;
        await management.DeleteAsync(repository.Id, force: true, CancellationToken.None);
    }

    private async Task SetRepositoryLogoAsync(string fullName, byte[] logo)
    {
        await using var scope = Fixture.Host.Services.CreateAsyncScope();
        var id = await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Repositories.Where(r => r.FullName == fullName).Select(r => r.Id).SingleAsync();
        await scope.ServiceProvider.GetRequiredService<RepositoryCatalogService>().UpdateAsync(id, new RepositoryCatalogInput(LogoImage: logo), CancellationToken.None);
    }

    /// <summary>A new publisher whose registry logo is set to <paramref name="replaced"/>, then to <paramref name="current"/>.</summary>
    private async Task SetRegistryLogosAsync(byte[] replaced, byte[] current)
    {
        await using var scope = Fixture.Host.Services.CreateAsyncScope();
        var publishers = scope.ServiceProvider.GetRequiredService<PublisherService>();
        var alias = $"gc{Guid.NewGuid():N}"[..20];
        var caller = await publishers.CreateAsync(new PublisherService.NewPublisher($"user-{alias}", null, null, alias, null), CancellationToken.None);
        await publishers.SetLogoAsync(caller.AccountId, replaced, CancellationToken.None);
        await publishers.SetLogoAsync(caller.AccountId, current, CancellationToken.None);
    }

    private async Task<T> QueryAsync<T>(Func<RegistryDbContext, Task<T>> query)
    {
        await using var scope = Fixture.Host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RegistryDbContext>());
    }

    private static byte[] Png()
    {
        var image = RandomNumberGenerator.GetBytes(1024);
        PngHeader.CopyTo(image, 0);
        return image;
    }

    private static string DigestOf(byte[] content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));
}

public sealed class SqliteBlobGarbageCollectorTests(SqliteRegistryFixture fixture) : BlobGarbageCollectorTests(fixture), IClassFixture<SqliteRegistryFixture>;

public sealed class PostgresBlobGarbageCollectorTests(PostgresRegistryFixture fixture) : BlobGarbageCollectorTests(fixture), IClassFixture<PostgresRegistryFixture>;

public sealed class S3BlobGarbageCollectorTests(PostgresS3RegistryFixture fixture) : BlobGarbageCollectorTests(fixture), IClassFixture<PostgresS3RegistryFixture>;
