using System.Net;
using Gallery.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Data;
using Registry.Core.Events;
using Registry.Core.Oci;
using Registry.Core.Repositories;
using Registry.Core.Tests.Http;

namespace Registry.Core.Tests.Repositories;

/// <summary>What pushes and deletes leave in the database: events, platforms, sizes, and nothing else.</summary>
public abstract class RegistryStateTests(RegistryFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task Every_change_writes_its_event()
    {
        var name = RegistryApi.UniqueName();
        var image = TestImage.Create();
        var other = TestImage.Create();
        await Api.PushImageAsync(name, image, "v1");
        await Api.PushImageAsync(name, other, "v1");
        using (await Client.DeleteAsync($"/v2/{name}/manifests/v1"))
        using (await Client.DeleteAsync($"/v2/{name}/manifests/{image.Digest}"))
        {
        }

        var events = await QueryAsync(db => db.Events.Where(e => e.Repository == name).OrderBy(e => e.Id)
            .Select(e => new { e.Type, e.Digest, e.Tag }).ToListAsync());
        Assert.Equal(
        [
            new { Type = RegistryEventTypes.RepositoryCreated, Digest = (string?)null, Tag = (string?)null },
            new { Type = RegistryEventTypes.ImagePushed, Digest = (string?)image.Digest, Tag = (string?)"v1" },
            new { Type = RegistryEventTypes.TagUpdated, Digest = (string?)image.Digest, Tag = (string?)"v1" },
            new { Type = RegistryEventTypes.ImagePushed, Digest = (string?)other.Digest, Tag = (string?)"v1" },
            new { Type = RegistryEventTypes.TagUpdated, Digest = (string?)other.Digest, Tag = (string?)"v1" },
            new { Type = RegistryEventTypes.TagDeleted, Digest = (string?)other.Digest, Tag = (string?)"v1" },
            new { Type = RegistryEventTypes.ImageDeleted, Digest = (string?)image.Digest, Tag = (string?)null },
        ], events);
    }

    [Fact]
    public async Task Events_name_the_account_and_the_access_key_that_acted()
    {
        var name = RegistryApi.UniqueName();
        await Api.PushImageAsync(name, TestImage.Create(), "v1");
        using (await Client.DeleteAsync($"/v2/{name}/manifests/v1"))
        {
        }

        var actors = await QueryAsync(db => db.Events.Where(e => e.Repository == name).Select(e => e.Actor).Distinct().ToListAsync());
        Assert.Equal([$"{TestPublisher.Alias} via access key {TestPublisher.AccessKeyId}"], actors);
    }

    [Fact]
    public async Task Refused_pushes_write_no_event_and_no_manifest()
    {
        var name = RegistryApi.UniqueName();
        var image = TestImage.Create();
        await Api.PushBlobAsync(name, image.Config);
        using var put = await Api.PutManifestAsync(name, "v1", image.Manifest, image.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);

        var types = await QueryAsync(db => db.Events.Where(e => e.Repository == name).Select(e => e.Type).ToListAsync());
        Assert.Equal([RegistryEventTypes.RepositoryCreated], types);
        Assert.Equal(0, await QueryAsync(db => db.Manifests.CountAsync(m => m.Digest == image.Digest)));
    }

    [Fact]
    public async Task Platforms_come_from_image_configs_and_index_children()
    {
        var name = RegistryApi.UniqueName();
        var amd64 = TestImage.Create(layers: 2, architecture: "amd64");
        var arm = new TestImage(TestBlob.Config("linux", "arm", "v7"), [TestBlob.Random(700)]);
        await Api.PushImageAsync(name, amd64, amd64.Digest);
        await Api.PushImageAsync(name, arm, arm.Digest);
        var index = TestImage.Index(amd64.Descriptor("linux", "amd64"), arm.Descriptor(os: null));
        using var put = await Api.PutManifestAsync(name, "multi", index, MediaTypes.OciIndex);
        var indexDigest = RegistryApi.Header(put, "Docker-Content-Digest");

        var image = await QueryAsync(db => db.Manifests.Include(m => m.Platforms).SingleAsync(m => m.Digest == amd64.Digest));
        var platform = Assert.Single(image.Platforms);
        Assert.Equal(("linux", "amd64"), (platform.Os, platform.Architecture));
        Assert.Equal(new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc), platform.Created);
        Assert.Equal(amd64.Blobs.Sum(b => (long)b.Content.Length), image.ImageSize);

        var multi = await QueryAsync(db => db.Manifests.Include(m => m.Platforms).SingleAsync(m => m.Digest == indexDigest));
        Assert.Equal(["linux/amd64/", "linux/arm/v7"], multi.Platforms.Select(p => $"{p.Os}/{p.Architecture}/{p.Variant}").Order());
        Assert.Equal(image.ImageSize + arm.Blobs.Sum(b => (long)b.Content.Length), multi.ImageSize);
    }

    [Fact]
    public async Task Abandoned_upload_sessions_expire()
    {
        var name = RegistryApi.UniqueName();
        using var start = await Client.PostAsync($"/v2/{name}/blobs/uploads/", null);
        using var patch = await Client.PatchAsync(start.Headers.Location, RegistryApi.Octets(new byte[100]));
        var id = Guid.Parse(RegistryApi.Header(start, "Docker-Upload-UUID"));

        await QueryAsync(db => db.UploadSessions.Where(u => u.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.UpdatedAt, DateTime.UtcNow.AddDays(-2))));
        await using (var scope = Fixture.Host.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<UploadExpiry>().ExpireAsync(CancellationToken.None) >= 1);
        }

        using var status = await Client.GetAsync(start.Headers.Location);
        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
        Assert.False(File.Exists(Path.Combine(Fixture.Database.DataPath, "uploads", id.ToString("N"))));
    }

    [Fact]
    public async Task Concurrent_pushes_of_the_same_content_all_succeed()
    {
        var name = RegistryApi.UniqueName();
        var image = TestImage.Create();
        var pushes = Enumerable.Range(0, 8).Select(i => Api.PushImageAsync(name, image, $"t{i % 2}"));
        await Task.WhenAll(pushes);

        Assert.Equal(1, await QueryAsync(db => db.Manifests.CountAsync(m => m.Digest == image.Digest)));
        Assert.Equal(1, await QueryAsync(db => db.Repositories.CountAsync(r => r.FullName == name)));
        Assert.Equal(1, await QueryAsync(db => db.Blobs.CountAsync(b => b.Digest == image.Config.Digest)));
    }

    private async Task<T> QueryAsync<T>(Func<RegistryDbContext, Task<T>> query)
    {
        await using var scope = Fixture.Host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RegistryDbContext>());
    }
}

public sealed class SqliteRegistryStateTests(SqliteRegistryFixture fixture) : RegistryStateTests(fixture), IClassFixture<SqliteRegistryFixture>;

public sealed class PostgresRegistryStateTests(PostgresRegistryFixture fixture) : RegistryStateTests(fixture), IClassFixture<PostgresRegistryFixture>;
