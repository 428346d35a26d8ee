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
        var digest = Digest.Compute(RandomNumberGenerator.GetBytes(16));
        Assert.Null(await store.GetSizeAsync(digest, None));
        Assert.Null(await store.OpenReadAsync(digest, null, None));
    }

    [Fact]
    public async Task Put_content_is_readable_whole_or_by_range()
    {
        var store = CreateStore();
        var content = RandomNumberGenerator.GetBytes(1000);
        var digest = Digest.Compute(content);
        await store.PutAsync(digest, content, None);
        await store.PutAsync(digest, content, None);

        Assert.Equal(1000, await store.GetSizeAsync(digest, None));
        Assert.Equal(content, await ReadAsync(await store.OpenReadAsync(digest, null, None)));
        Assert.Equal(content[500..600], await ReadAsync(await store.OpenReadAsync(digest, new ByteRange(500, 100), None)));
        Assert.Equal(content[999..], await ReadAsync(await store.OpenReadAsync(digest, new ByteRange(999, 1), None)));
    }

    [Fact]
    public async Task Upload_in_chunks_becomes_visible_only_on_commit()
    {
        var store = CreateStore();
        var content = RandomNumberGenerator.GetBytes(3000);
        var digest = Digest.Compute(content);

        var cursor = await store.AppendUploadAsync(UploadCursor.Start(Guid.NewGuid()), new MemoryStream(content[..1000]), None);
        Assert.Equal(1000, cursor.Size);
        cursor = await store.AppendUploadAsync(cursor, new MemoryStream(content[1000..]), None);
        Assert.Equal(3000, cursor.Size);
        Assert.Null(await store.GetSizeAsync(digest, None));

        await store.SealUploadAsync(cursor, None);
        Assert.Null(await store.GetSizeAsync(digest, None));
        Assert.Equal(content, await ReadAsync(await store.OpenSealedUploadAsync(cursor.Id, None)));

        await store.CommitUploadAsync(cursor.Id, digest, None);
        Assert.Equal(3000, await store.GetSizeAsync(digest, None));
        Assert.Equal(content, await ReadAsync(await store.OpenReadAsync(digest, null, None)));
        Assert.DoesNotContain(await store.ListUploadsAsync(None).ToListAsync(None), u => u.Id == cursor.Id);
    }

    [Fact]
    public async Task Chunks_of_every_size_around_an_object_store_part_add_up_to_the_content()
    {
        var store = CreateStore();
        var mib = 1024 * 1024;
        var content = RandomNumberGenerator.GetBytes(27 * mib + 5);
        var cursor = UploadCursor.Start(Guid.NewGuid());
        var offset = 0;
        foreach (var length in new[] { 3 * mib, 1 * mib, 2 * mib + 1, 17 * mib, 4 * mib + 4 })
        {
            cursor = await store.AppendUploadAsync(cursor, new MemoryStream(content, offset, length), None);
            offset += length;
            Assert.Equal(offset, cursor.Size);
        }

        var digest = Digest.Compute(content);
        await store.SealUploadAsync(cursor, None);
        Assert.Null(await store.GetSizeAsync(digest, None));
        await store.CommitUploadAsync(cursor.Id, digest, None);
        Assert.Equal(content, await ReadAsync(await store.OpenReadAsync(digest, null, None)));
        Assert.Equal(content[(20 * mib)..(21 * mib)], await ReadAsync(await store.OpenReadAsync(digest, new ByteRange(20 * mib, mib), None)));
    }

    [Fact]
    public async Task A_failed_append_leaves_the_upload_where_its_last_cursor_says()
    {
        var store = CreateStore();
        var content = RandomNumberGenerator.GetBytes(200);
        var cursor = await store.AppendUploadAsync(UploadCursor.Start(Guid.NewGuid()), new MemoryStream(content[..100]), None);
        await Assert.ThrowsAnyAsync<Exception>(() => store.AppendUploadAsync(cursor, new FailingStream(RandomNumberGenerator.GetBytes(50)), None));

        cursor = await store.AppendUploadAsync(cursor, new MemoryStream(content[100..]), None);
        await store.SealUploadAsync(cursor, None);
        var digest = Digest.Compute(content);
        await store.CommitUploadAsync(cursor.Id, digest, None);
        Assert.Equal(content, await ReadAsync(await store.OpenReadAsync(digest, null, None)));
    }

    [Fact]
    public async Task Empty_upload_commits_an_empty_blob()
    {
        var store = CreateStore();
        var cursor = UploadCursor.Start(Guid.NewGuid());
        var digest = Digest.Compute([]);
        await store.SealUploadAsync(cursor, None);
        await store.CommitUploadAsync(cursor.Id, digest, None);
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
            var cursor = await store.AppendUploadAsync(UploadCursor.Start(upload), new MemoryStream(content), None);
            await store.SealUploadAsync(cursor, None);
            await store.CommitUploadAsync(upload, digest, None);
        }

        Assert.Equal(64, await store.GetSizeAsync(digest, None));
        Assert.Single(await store.ListAsync(None).Where(b => b.Digest == digest).ToListAsync(None));
    }

    [Fact]
    public async Task Sealing_refuses_an_upload_shorter_than_its_cursor_and_stores_nothing()
    {
        var store = CreateStore();
        var cursor = await store.AppendUploadAsync(UploadCursor.Start(Guid.NewGuid()), new MemoryStream(new byte[10]), None);
        await Assert.ThrowsAnyAsync<IOException>(() => store.SealUploadAsync(cursor with { Size = 20 }, None));
        await Assert.ThrowsAnyAsync<IOException>(() => store.SealUploadAsync(new UploadCursor(Guid.NewGuid(), 20, null), None));
    }

    [Fact]
    public async Task Deleted_uploads_are_gone_sealed_or_not_and_deleting_again_is_harmless()
    {
        var store = CreateStore();
        var open = await store.AppendUploadAsync(UploadCursor.Start(Guid.NewGuid()), new MemoryStream(new byte[10]), None);
        var sealedUpload = await store.AppendUploadAsync(UploadCursor.Start(Guid.NewGuid()), new MemoryStream(new byte[10]), None);
        await store.SealUploadAsync(sealedUpload, None);
        Assert.Contains(await store.ListUploadsAsync(None).ToListAsync(None), u => u.Id == open.Id);

        foreach (var cursor in new[] { open, sealedUpload, open })
        {
            await store.DeleteUploadAsync(cursor, None);
        }

        var left = await store.ListUploadsAsync(None).ToListAsync(None);
        Assert.DoesNotContain(left, u => u.Id == open.Id || u.Id == sealedUpload.Id);
    }

    [Fact]
    public async Task A_listed_upload_can_be_removed_with_what_the_listing_says()
    {
        var store = CreateStore();
        var cursor = await store.AppendUploadAsync(UploadCursor.Start(Guid.NewGuid()), new MemoryStream(RandomNumberGenerator.GetBytes(100)), None);
        var listed = Assert.Single(await store.ListUploadsAsync(None).Where(u => u.Id == cursor.Id).ToListAsync(None));
        Assert.True(listed.StartedAt > DateTime.UtcNow.AddMinutes(-5) && listed.StartedAt < DateTime.UtcNow.AddMinutes(5));

        await store.DeleteUploadAsync(new UploadCursor(listed.Id, 0, listed.State), None);
        Assert.DoesNotContain(await store.ListUploadsAsync(None).ToListAsync(None), u => u.Id == cursor.Id);
    }

    [Fact]
    public async Task Listing_names_every_stored_blob_with_its_size_but_no_upload()
    {
        var store = CreateStore();
        var small = RandomNumberGenerator.GetBytes(10);
        var large = RandomNumberGenerator.GetBytes(5000);
        await store.PutAsync(Digest.Compute(small), small, None);
        await store.PutAsync(Digest.Compute(large), large, None);
        await store.AppendUploadAsync(UploadCursor.Start(Guid.NewGuid()), new MemoryStream(new byte[7]), None);

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

    protected static async Task<byte[]> ReadAsync(Stream? stream)
    {
        Assert.NotNull(stream);
        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, None);
            return copy.ToArray();
        }
    }

    /// <summary>A request body whose client goes away after sending some bytes.</summary>
    private sealed class FailingStream(byte[] before) : MemoryStream(before)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            return read > 0 ? read : throw new IOException("the client went away");
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = base.Read(buffer, offset, count);
            return read > 0 ? read : throw new IOException("the client went away");
        }
    }
}
