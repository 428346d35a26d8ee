using System.Net;
using Gallery.Testing;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Repositories;

namespace Registry.Core.Tests.Http;

/// <summary>
/// One request at a time writes, completes or cancels an upload. Two chunks written into one upload at once used to
/// interleave in its file while only one was recorded, so a blob could be committed under a digest its bytes did not
/// have. Here the test holds the upload itself, as a slow concurrent chunk would.
/// </summary>
public abstract class UploadHoldApiTests(RegistryFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task A_chunk_for_an_upload_another_request_holds_is_416_and_changes_nothing()
    {
        var (name, location, upload) = await StartAsync();
        var content = TestBlob.Random(64);
        await using (await HoldAsync(upload))
        {
            using var refused = await Client.PatchAsync(location, RegistryApi.Octets(TestBlob.Random(64).Content));
            await RegistryApi.AssertErrorAsync(refused, HttpStatusCode.RequestedRangeNotSatisfiable, "BLOB_UPLOAD_INVALID");
            Assert.Equal("0-0", RegistryApi.Header(refused, "Range"));
        }

        using var patch = await Client.PatchAsync(location, RegistryApi.Octets(content.Content));
        Assert.Equal(HttpStatusCode.Accepted, patch.StatusCode);
        using var put = await Client.PutAsync($"{location}?digest={content.Digest}", null);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        using var get = await Client.GetAsync($"/v2/{name}/blobs/{content.Digest}");
        Assert.Equal(content.Content, await get.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Completing_or_cancelling_an_upload_another_request_holds_is_refused_and_commits_nothing()
    {
        var (name, location, upload) = await StartAsync();
        var content = TestBlob.Random(64);
        using var patch = await Client.PatchAsync(location, RegistryApi.Octets(content.Content));
        await using (await HoldAsync(upload))
        {
            using var put = await Client.PutAsync($"{location}?digest={content.Digest}", null);
            await RegistryApi.AssertErrorAsync(put, HttpStatusCode.RequestedRangeNotSatisfiable, "BLOB_UPLOAD_INVALID");
            using var cancel = await Client.DeleteAsync(location);
            await RegistryApi.AssertErrorAsync(cancel, HttpStatusCode.RequestedRangeNotSatisfiable, "BLOB_UPLOAD_INVALID");
        }

        using var head = await Api.SendAsync(HttpMethod.Head, $"/v2/{name}/blobs/{content.Digest}");
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
        using var status = await Client.GetAsync(location);
        Assert.Equal("0-63", RegistryApi.Header(status, "Range"));
    }

    [Fact]
    public async Task A_completed_or_cancelled_upload_leaves_no_file_behind()
    {
        var (_, completed, completedId) = await StartAsync();
        var content = TestBlob.Random(64);
        using (var put = await Client.PutAsync($"{completed}?digest={content.Digest}", RegistryApi.Octets(content.Content)))
        {
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }

        var (_, cancelled, cancelledId) = await StartAsync();
        using (var patch = await Client.PatchAsync(cancelled, RegistryApi.Octets(TestBlob.Random(64).Content)))
        {
            Assert.Equal(HttpStatusCode.Accepted, patch.StatusCode);
        }

        using (var cancel = await Client.DeleteAsync(cancelled))
        {
            Assert.Equal(HttpStatusCode.NoContent, cancel.StatusCode);
        }

        var uploads = Path.Combine(Fixture.Database.DataPath, "uploads");
        Assert.DoesNotContain(Directory.EnumerateFiles(uploads), f => f.Contains(completedId.ToString("N")) || f.Contains(cancelledId.ToString("N")));
    }

    private async Task<(string Name, string Location, Guid Upload)> StartAsync()
    {
        var name = RegistryApi.UniqueName();
        using var start = await Client.PostAsync($"/v2/{name}/blobs/uploads/", null);
        var location = start.Headers.Location!.ToString();
        return (name, location, Guid.ParseExact(location[(location.LastIndexOf('/') + 1)..], "N"));
    }

    private async Task<IAsyncDisposable> HoldAsync(Guid upload) =>
        await UploadHold.TryTakeAsync(Fixture.Host.Services.GetRequiredService<IServiceScopeFactory>(), upload, CancellationToken.None)
        ?? throw new InvalidOperationException("the upload is already held");
}

public sealed class SqliteUploadHoldApiTests(SqliteRegistryFixture fixture) : UploadHoldApiTests(fixture), IClassFixture<SqliteRegistryFixture>;

public sealed class PostgresUploadHoldApiTests(PostgresRegistryFixture fixture) : UploadHoldApiTests(fixture), IClassFixture<PostgresRegistryFixture>;
