using System.Security.Cryptography;
using Registry.Core.Oci;
using Registry.Core.Storage;

namespace Registry.Core.Tests.Storage;

/// <summary>What every <see cref="IBlobStore"/> must do. Each implementation's test class only says how to make one.</summary>
public abstract class BlobStoreConformanceTests
{
    protected abstract IBlobStore CreateStore();

    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task Unknown_blob_has_no_size_and_no_stream()
    {
        var store = CreateStore();
        var digest = Digest.Compute([1, 2, 3]);
        Assert.Null(await store.GetSizeAsync(digest, None));
        Assert.Null(await store.OpenReadAsync(digest, None));
    }

    [Fact]
    public async Task Put_content_is_readable_and_seekable()
    {
        var store = CreateStore();
        var content = RandomNumberGenerator.GetBytes(1000);
        var digest = Digest.Compute(content);
        await store.PutAsync(digest, content, None);
        await store.PutAsync(digest, content, None);

        Assert.Equal(1000, await store.GetSizeAsync(digest, None));
        await using var stream = (await store.OpenReadAsync(digest, None))!;
        Assert.True(stream.CanSeek);
        stream.Position = 500;
        var tail = new byte[500];
        await stream.ReadExactlyAsync(tail, None);
        Assert.Equal(content[500..], tail);
    }

    [Fact]
    public async Task Upload_becomes_visible_only_on_commit()
    {
        var store = CreateStore();
        var upload = Guid.NewGuid();
        var content = RandomNumberGenerator.GetBytes(3000);
        var digest = Digest.Compute(content);

        Assert.Equal(1000, await store.WriteUploadAsync(upload, 0, new MemoryStream(content[..1000]), None));
        Assert.Equal(2000, await store.WriteUploadAsync(upload, 1000, new MemoryStream(content[1000..]), None));
        Assert.Null(await store.GetSizeAsync(digest, None));

        await store.CommitUploadAsync(upload, digest, 3000, None);
        await using var stream = (await store.OpenReadAsync(digest, None))!;
        var read = new byte[3000];
        await stream.ReadExactlyAsync(read, None);
        Assert.Equal(content, read);
    }

    [Fact]
    public async Task Writing_at_an_offset_drops_what_was_stored_after_it()
    {
        var store = CreateStore();
        var upload = Guid.NewGuid();
        await store.WriteUploadAsync(upload, 0, new MemoryStream(new byte[100]), None);
        await store.WriteUploadAsync(upload, 50, new MemoryStream([7, 7]), None);

        await using var read = await store.OpenUploadAsync(upload, 1000, None);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy, None);
        Assert.Equal(52, copy.Length);
        Assert.Equal(new byte[] { 7, 7 }, copy.ToArray()[50..]);
    }

    [Fact]
    public async Task Commit_keeps_only_the_recorded_length()
    {
        var store = CreateStore();
        var upload = Guid.NewGuid();
        var content = RandomNumberGenerator.GetBytes(100);
        await store.WriteUploadAsync(upload, 0, new MemoryStream(content), None);
        var digest = Digest.Compute(content[..60]);
        await store.CommitUploadAsync(upload, digest, 60, None);
        Assert.Equal(60, await store.GetSizeAsync(digest, None));
    }

    [Fact]
    public async Task Upload_read_back_is_bounded_to_the_recorded_length()
    {
        var store = CreateStore();
        var upload = Guid.NewGuid();
        await store.WriteUploadAsync(upload, 0, new MemoryStream(new byte[100]), None);
        await using var read = await store.OpenUploadAsync(upload, 40, None);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy, None);
        Assert.Equal(40, copy.Length);
    }

    [Fact]
    public async Task Empty_upload_commits_an_empty_blob()
    {
        var store = CreateStore();
        var upload = Guid.NewGuid();
        var digest = Digest.Compute([]);
        await store.CommitUploadAsync(upload, digest, 0, None);
        Assert.Equal(0, await store.GetSizeAsync(digest, None));
    }

    [Fact]
    public async Task Committing_content_that_is_already_stored_keeps_one_copy()
    {
        var store = CreateStore();
        var content = RandomNumberGenerator.GetBytes(64);
        var digest = Digest.Compute(content);
        foreach (var upload in new[] { Guid.NewGuid(), Guid.NewGuid() })
        {
            await store.WriteUploadAsync(upload, 0, new MemoryStream(content), None);
            await store.CommitUploadAsync(upload, digest, 64, None);
        }

        Assert.Equal(64, await store.GetSizeAsync(digest, None));
    }

    [Fact]
    public async Task An_upload_is_held_by_one_request_at_a_time_even_after_it_ends()
    {
        var store = CreateStore();
        var upload = Guid.NewGuid();
        await using (var first = await store.TryHoldUploadAsync(upload, None))
        {
            Assert.NotNull(first);
            Assert.Null(await store.TryHoldUploadAsync(upload, None));
            Assert.NotNull(await store.TryHoldUploadAsync(Guid.NewGuid(), None));
            await store.WriteUploadAsync(upload, 0, new MemoryStream(new byte[10]), None);
            await store.DeleteUploadAsync(upload, None);
        }

        await using var again = await store.TryHoldUploadAsync(upload, None);
        Assert.NotNull(again);
    }

    [Fact]
    public async Task Commit_refuses_an_upload_shorter_than_its_recorded_length_and_stores_nothing()
    {
        var store = CreateStore();
        var upload = Guid.NewGuid();
        var digest = Digest.Compute(new byte[20]);
        await store.WriteUploadAsync(upload, 0, new MemoryStream(new byte[10]), None);
        await Assert.ThrowsAnyAsync<IOException>(() => store.CommitUploadAsync(upload, digest, 20, None));
        await Assert.ThrowsAnyAsync<IOException>(() => store.CommitUploadAsync(Guid.NewGuid(), digest, 20, None));
        Assert.Null(await store.GetSizeAsync(digest, None));
    }

    [Fact]
    public async Task Deleted_upload_reads_back_empty()
    {
        var store = CreateStore();
        var upload = Guid.NewGuid();
        await store.WriteUploadAsync(upload, 0, new MemoryStream(new byte[10]), None);
        await store.DeleteUploadAsync(upload, None);
        await store.DeleteUploadAsync(upload, None);
        await using var read = await store.OpenUploadAsync(upload, 10, None);
        Assert.Equal(0, await read.ReadAsync(new byte[10], None));
    }

    [Fact]
    public async Task Listing_names_every_stored_blob_with_its_size_but_no_upload()
    {
        var store = CreateStore();
        var small = RandomNumberGenerator.GetBytes(10);
        var large = RandomNumberGenerator.GetBytes(5000);
        await store.PutAsync(Digest.Compute(small), small, None);
        await store.PutAsync(Digest.Compute(large), large, None);
        await store.WriteUploadAsync(Guid.NewGuid(), 0, new MemoryStream(new byte[7]), None);

        var listed = await store.ListAsync(None).Where(b => b.Digest is not null).Select(b => (b.Digest!.Value, b.Size)).ToListAsync(None);

        Assert.Equal(new[] { (Digest.Compute(small), 10L), (Digest.Compute(large), 5000L) }.OrderBy(b => b.Item1.Hex), listed.OrderBy(b => b.Value.Hex));
    }

    [Fact]
    public async Task Deleted_blob_is_gone_and_deleting_it_again_is_harmless()
    {
        var store = CreateStore();
        var content = RandomNumberGenerator.GetBytes(100);
        var digest = Digest.Compute(content);
        await store.PutAsync(digest, content, None);

        Assert.True(await store.DeleteAsync(digest, None));
        Assert.False(await store.DeleteAsync(digest, None));
        Assert.Null(await store.GetSizeAsync(digest, None));
        Assert.DoesNotContain(await store.ListAsync(None).ToListAsync(None), b => b.Digest == digest);
    }
}
