using System.Net;
using Gallery.Testing;
using Gallery.Testing.Processes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Data;
using Registry.Core.Repositories;
using Registry.Core.Storage.S3;

namespace Registry.Core.Tests.Http;

/// <summary>
/// Blobs in a bucket of the test RADOS Gateway, reached by more than one node: a second registry host on the same
/// PostgreSQL database and bucket stands for another node.
/// </summary>
public sealed class S3StorageApiTests(PostgresS3RegistryFixture fixture) : ApiTestBase(fixture), IClassFixture<PostgresS3RegistryFixture>
{
    private const int Mib = 1024 * 1024;

    private TestBucket Bucket => Fixture.Bucket!;

    [Fact]
    public async Task A_chunked_upload_moves_between_nodes_and_commits_the_right_bytes_leaving_no_upload_behind()
    {
        await using var other = await RegistryHost.StartAsync(Fixture.Database, Bucket.Settings);
        var name = RegistryApi.UniqueName();
        var blob = TestBlob.Random(16 * Mib + 3);
        using var start = await Client.PostAsync($"/v2/{name}/blobs/uploads/", null);
        var location = start.Headers.Location!.ToString();
        var chunks = new[] { (Client, 0, 6 * Mib), (other.Client, 6 * Mib, 3 * Mib), (Client, 9 * Mib, 7 * Mib + 3) };
        foreach (var (client, offset, length) in chunks)
        {
            using var request = new HttpRequestMessage(HttpMethod.Patch, location) { Content = RegistryApi.Octets(blob.Content[offset..(offset + length)]) };
            request.Content.Headers.TryAddWithoutValidation("Content-Range", $"{offset}-{offset + length - 1}");
            using var patch = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Accepted, patch.StatusCode);
            location = patch.Headers.Location!.ToString();
        }

        using var put = await other.Client.PutAsync($"{location}?digest={blob.Digest}", null);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);

        Assert.Equal(blob.Content, await Fixture.Host.AnonymousClient.GetByteArrayAsync($"/v2/{name}/blobs/{blob.Digest}"));
        Assert.DoesNotContain(await Bucket.KeysAsync(), k => k.Contains(UploadId(start), StringComparison.Ordinal));
        Assert.DoesNotContain(await Bucket.OpenMultipartUploadsAsync(), u => u.Key.Contains(UploadId(start), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_digest_after_multipart_chunks_stores_nothing()
    {
        var name = RegistryApi.UniqueName();
        var blob = TestBlob.Random(12 * Mib);
        using var start = await Client.PostAsync($"/v2/{name}/blobs/uploads/", null);
        using var patch = await Client.PatchAsync(start.Headers.Location, RegistryApi.Octets(blob.Content));
        Assert.Equal(HttpStatusCode.Accepted, patch.StatusCode);
        var claimed = TestBlob.Random(10).Digest;

        using var put = await Client.PutAsync($"{patch.Headers.Location}?digest={claimed}", null);

        await RegistryApi.AssertErrorAsync(put, HttpStatusCode.BadRequest, "DIGEST_INVALID");
        var keys = await Bucket.KeysAsync();
        Assert.DoesNotContain(keys, k => k.Contains(claimed.ToString()[7..], StringComparison.Ordinal) || k.Contains(blob.Digest.ToString()[7..], StringComparison.Ordinal));
        Assert.DoesNotContain(keys, k => k.Contains(UploadId(start), StringComparison.Ordinal));
        Assert.DoesNotContain(await Bucket.OpenMultipartUploadsAsync(), u => u.Key.Contains(UploadId(start), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_janitor_aborts_the_multipart_uploads_of_expired_sessions_and_of_sessions_that_are_gone()
    {
        var settings = new Dictionary<string, string?>(Bucket.Settings) { ["Gallery:Limits:UploadSessionLifetime"] = "00:00:00.001" };
        await using var janitorNode = await RegistryHost.StartAsync(Fixture.Database, settings);
        var name = RegistryApi.UniqueName();
        var uploads = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var start = await Client.PostAsync($"/v2/{name}/blobs/uploads/", null);
            using var patch = await Client.PatchAsync(start.Headers.Location, RegistryApi.Octets(TestBlob.Random(6 * Mib).Content));
            Assert.Equal(HttpStatusCode.Accepted, patch.StatusCode);
            uploads.Add(UploadId(start));
        }

        // The second session's row is gone, as if its node had died between the database and the bucket.
        await using (var scope = janitorNode.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            await db.UploadSessions.Where(u => u.Id == Guid.ParseExact(uploads[1], "N")).ExecuteDeleteAsync();
        }

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await LeftAsync(uploads) > 0 && DateTime.UtcNow < deadline)
        {
            await using var scope = janitorNode.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<UploadExpiry>().ExpireAsync(CancellationToken.None);
        }

        Assert.Equal(0, await LeftAsync(uploads));
    }

    [Fact]
    public async Task With_redirects_a_blob_get_is_a_307_to_the_store_and_head_answers_itself()
    {
        var settings = new Dictionary<string, string?>(Bucket.Settings) { ["Gallery:Storage:S3:RedirectPulls"] = "true" };
        await using var redirecting = await RegistryHost.StartAsync(Fixture.Database, settings);
        var name = RegistryApi.UniqueName();
        var blob = TestBlob.Random(1000);
        await Api.PushBlobAsync(name, blob);
        using var raw = new HttpClient(new RegistryTokenHandler(null, followRedirects: false)) { BaseAddress = redirecting.BaseAddress };

        using var get = await raw.GetAsync($"/v2/{name}/blobs/{blob.Digest}");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, get.StatusCode);
        var target = get.Headers.Location!;
        Assert.Equal(new Uri(Bucket.Options.ServiceUrl!).GetLeftPart(UriPartial.Authority), target.GetLeftPart(UriPartial.Authority));
        using var store = new HttpClient();
        Assert.Equal(blob.Content, await store.GetByteArrayAsync(target));

        using var head = await raw.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/v2/{name}/blobs/{blob.Digest}"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(1000, head.Content.Headers.ContentLength);
        Assert.Null(head.Headers.Location);
    }

    [Fact]
    public async Task When_the_store_is_unreachable_reads_and_writes_are_503_with_retry_after_and_head_still_answers()
    {
        var name = RegistryApi.UniqueName();
        var image = TestImage.Create();
        await Api.PushImageAsync(name, image);
        var settings = new Dictionary<string, string?>(Bucket.Settings) { ["Gallery:Storage:S3:ServiceUrl"] = $"http://127.0.0.1:{FreePort.Next()}" };
        await using var cutOff = await RegistryHost.StartAsync(Fixture.Database, settings);

        using var head = await cutOff.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/v2/{name}/blobs/{image.Config.Digest}"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);

        using var blob = await cutOff.Client.GetAsync($"/v2/{name}/blobs/{image.Config.Digest}");
        await AssertUnavailableAsync(blob);
        using var manifest = await cutOff.Client.GetAsync($"/v2/{name}/manifests/{image.Digest}");
        await AssertUnavailableAsync(manifest);
        using var monolithic = await cutOff.Client.PostAsync($"/v2/{name}/blobs/uploads/?digest={TestBlob.Random(10).Digest}", RegistryApi.Octets(new byte[10]));
        await AssertUnavailableAsync(monolithic);
    }

    [Fact]
    public async Task A_node_names_the_setting_to_fix_when_the_bucket_or_credentials_are_wrong()
    {
        var options = Bucket.Options;
        string?[] problems =
        [
            await Check(new S3StorageOptions { ServiceUrl = options.ServiceUrl, AccessKeyId = options.AccessKeyId, SecretAccessKey = options.SecretAccessKey, Bucket = "no-such-bucket-" + Guid.NewGuid().ToString("N")[..8] }),
            await Check(new S3StorageOptions { ServiceUrl = options.ServiceUrl, AccessKeyId = options.AccessKeyId, SecretAccessKey = "wrong", Bucket = options.Bucket }),
            await Check(new S3StorageOptions { ServiceUrl = $"http://127.0.0.1:{FreePort.Next()}", AccessKeyId = options.AccessKeyId, SecretAccessKey = options.SecretAccessKey, Bucket = options.Bucket }),
            await Check(new S3StorageOptions { ServiceUrl = options.ServiceUrl }),
            await Check(options),
        ];

        Assert.StartsWith("Gallery__Storage__S3__Bucket: ", problems[0]);
        Assert.StartsWith("Gallery__Storage__S3__AccessKeyId / Gallery__Storage__S3__SecretAccessKey: ", problems[1]);
        Assert.StartsWith("Gallery__Storage__S3__ServiceUrl: ", problems[2]);
        Assert.StartsWith("Gallery__Storage__S3__Bucket is not set", problems[3]);
        Assert.Null(problems[4]);
        Assert.All(problems.OfType<string>(), p => Assert.DoesNotContain('\n', p));
    }

    /// <summary>Open multipart uploads and objects that belong to any of these uploads.</summary>
    private async Task<int> LeftAsync(IReadOnlyList<string> uploads) =>
        (await Bucket.OpenMultipartUploadsAsync()).Count(u => uploads.Any(id => u.Key.Contains(id, StringComparison.Ordinal)))
        + (await Bucket.KeysAsync()).Count(k => uploads.Any(id => k.Contains(id, StringComparison.Ordinal)));

    private static async Task<string?> Check(S3StorageOptions options)
    {
        using var store = new S3BlobStore(options);
        return await store.CheckAsync(CancellationToken.None);
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response)
    {
        await RegistryApi.AssertErrorAsync(response, HttpStatusCode.ServiceUnavailable, "UNAVAILABLE");
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
    }

    private static string UploadId(HttpResponseMessage start) => RegistryApi.Header(start, "Docker-Upload-UUID");
}
