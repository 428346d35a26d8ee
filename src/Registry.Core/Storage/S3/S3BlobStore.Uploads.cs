using System.Buffers;
using System.Runtime.CompilerServices;
using Amazon.S3.Model;
using Registry.Core.Oci;

namespace Registry.Core.Storage.S3;

/// <summary>
/// Uploads: every full part (<see cref="PartSize"/>, or at least <see cref="MinPartSize"/> at the end of a request)
/// goes to the upload's multipart upload; fewer bytes wait in a small tail object, which the next request reads back
/// and sends on. So whatever a request acknowledged is in the bucket, and any node can continue from the session row.
/// </summary>
public sealed partial class S3BlobStore
{
    /// <summary>S3 takes no smaller part but the last.</summary>
    private const int MinPartSize = 5 * 1024 * 1024;

    private const int PartSize = 16 * 1024 * 1024;

    /// <summary>CopyObject's limit; larger blobs are copied part by part.</summary>
    private const long MaxSingleCopy = 5L * 1024 * 1024 * 1024;

    public async Task<UploadCursor> AppendUploadAsync(UploadCursor at, Stream data, CancellationToken cancellationToken)
    {
        var state = S3UploadState.Parse(at.State);
        var buffer = ArrayPool<byte>.Shared.Rent(PartSize);
        try
        {
            var filled = await ReadTailAsync(state, (int)(at.Size - state.PartBytes), buffer, cancellationToken);
            int read;
            do
            {
                read = await StreamFill.FillAsync(data, buffer.AsMemory(filled, PartSize - filled), cancellationToken);
                filled += read;
                if (filled == PartSize)
                {
                    state = await UploadPartAsync(at.Id, state, buffer, filled, cancellationToken);
                    filled = 0;
                }
            }
            while (read > 0);

            if (filled >= MinPartSize)
            {
                state = await UploadPartAsync(at.Id, state, buffer, filled, cancellationToken);
                filled = 0;
            }

            string? tail = null;
            if (filled > 0)
            {
                tail = _keys.NewTail(at.Id);
                await PutBytesAsync(tail, buffer, filled, cancellationToken);
            }

            state = state with { TailKey = tail };
            return new UploadCursor(at.Id, state.PartBytes + filled, state.Serialize());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public async Task SealUploadAsync(UploadCursor upload, CancellationToken cancellationToken)
    {
        var state = S3UploadState.Parse(upload.State);
        var tailLength = (int)(upload.Size - state.PartBytes);
        var data = _keys.UploadData(upload.Id);
        if (state.MultipartUploadId is null)
        {
            // Under one part: the tail (or nothing) is the whole upload.
            var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(tailLength, 1));
            try
            {
                await ReadTailAsync(state, tailLength, buffer, cancellationToken);
                await PutBytesAsync(data, buffer, tailLength, cancellationToken);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            return;
        }

        if (tailLength > 0)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(tailLength);
            try
            {
                await ReadTailAsync(state, tailLength, buffer, cancellationToken);
                state = await UploadPartAsync(upload.Id, state, buffer, tailLength, cancellationToken);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        await CallAsync(() => _s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = _bucket,
            Key = data,
            UploadId = state.MultipartUploadId,
            PartETags = state.PartETags.Select((etag, i) => new PartETag(i + 1, etag)).ToList(),
        }, cancellationToken));
        if (await SizeOfAsync(data, cancellationToken) != upload.Size)
        {
            throw new IOException($"upload {upload.Id:N} completed with a size other than the {upload.Size} bytes recorded");
        }
    }

    public async Task<Stream> OpenSealedUploadAsync(Guid uploadId, CancellationToken cancellationToken)
    {
        var response = await CallAsync(() => _s3.GetObjectAsync(_bucket, _keys.UploadData(uploadId), cancellationToken));
        return response.ResponseStream;
    }

    public async Task CommitUploadAsync(Guid uploadId, Digest digest, CancellationToken cancellationToken)
    {
        var source = _keys.UploadData(uploadId);
        var target = _keys.Blob(digest);
        if (await SizeOfAsync(target, cancellationToken) is null)
        {
            var size = await SizeOfAsync(source, cancellationToken) ?? throw new IOException($"upload {uploadId:N} is not sealed");
            await (size <= MaxSingleCopy ? CopyAsync(source, target, cancellationToken) : CopyInPartsAsync(source, target, size, cancellationToken));
        }

        await DeleteObjectsAsync(_keys.Upload(uploadId), cancellationToken);
    }

    public async Task DeleteUploadAsync(UploadCursor upload, CancellationToken cancellationToken)
    {
        if (S3UploadState.Parse(upload.State).MultipartUploadId is { } multipart)
        {
            try
            {
                await _s3.AbortMultipartUploadAsync(_bucket, _keys.UploadData(upload.Id), multipart, cancellationToken);
            }
            catch (Amazon.S3.AmazonS3Exception e) when (IsNotFound(e))
            {
                // Completed or aborted already.
            }
            catch (Exception e) when (IsUnavailable(e))
            {
                throw Unavailable(e);
            }
        }

        await DeleteObjectsAsync(_keys.Upload(upload.Id), cancellationToken);
    }

    public async IAsyncEnumerable<StoredUpload> ListUploadsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ListMultipartUploadsRequest { BucketName = _bucket, Prefix = _keys.Uploads };
        ListMultipartUploadsResponse page;
        do
        {
            page = await CallAsync(() => _s3.ListMultipartUploadsAsync(request, cancellationToken));
            foreach (var multipart in page.MultipartUploads ?? [])
            {
                if (_keys.UploadOf(multipart.Key) is { } id)
                {
                    var state = S3UploadState.Empty with { MultipartUploadId = multipart.UploadId };
                    yield return new StoredUpload(id, multipart.Initiated ?? DateTime.UtcNow, state.Serialize());
                }
            }

            request.KeyMarker = page.NextKeyMarker;
            request.UploadIdMarker = page.NextUploadIdMarker;
        }
        while (page.IsTruncated == true);

        await foreach (var item in ListObjectsAsync(_keys.Uploads, cancellationToken))
        {
            if (_keys.UploadOf(item.Key) is { } id)
            {
                yield return new StoredUpload(id, item.LastModified ?? DateTime.UtcNow, null);
            }
        }
    }

    private async Task<int> ReadTailAsync(S3UploadState state, int length, byte[] buffer, CancellationToken cancellationToken)
    {
        if (length == 0)
        {
            return 0;
        }

        if (state.TailKey is null)
        {
            throw new IOException($"the upload records {length} bytes after its parts but no object holding them");
        }

        using var response = await CallAsync(() => _s3.GetObjectAsync(_bucket, state.TailKey, cancellationToken));
        if (response.ContentLength < length)
        {
            throw new IOException($"the upload's tail holds {response.ContentLength} bytes, not the {length} recorded");
        }

        await CallAsync(() => response.ResponseStream.ReadExactlyAsync(buffer, 0, length, cancellationToken).AsTask());
        return length;
    }

    private async Task<S3UploadState> UploadPartAsync(Guid uploadId, S3UploadState state, byte[] buffer, int length, CancellationToken cancellationToken)
    {
        var key = _keys.UploadData(uploadId);
        var multipart = state.MultipartUploadId
            ?? (await CallAsync(() => _s3.InitiateMultipartUploadAsync(_bucket, key, cancellationToken))).UploadId;
        var part = await CallAsync(() => _s3.UploadPartAsync(new UploadPartRequest
        {
            BucketName = _bucket,
            Key = key,
            UploadId = multipart,
            PartNumber = state.PartETags.Count + 1,
            InputStream = new MemoryStream(buffer, 0, length, writable: false),
            PartSize = length,
        }, cancellationToken));
        return state with { MultipartUploadId = multipart, PartETags = [.. state.PartETags, part.ETag], PartBytes = state.PartBytes + length };
    }

    private Task PutBytesAsync(string key, byte[] buffer, int length, CancellationToken cancellationToken) =>
        CallAsync(() => _s3.PutObjectAsync(
            new PutObjectRequest { BucketName = _bucket, Key = key, InputStream = new MemoryStream(buffer, 0, length, writable: false) },
            cancellationToken));

    private Task CopyAsync(string source, string target, CancellationToken cancellationToken) =>
        CallAsync(() => _s3.CopyObjectAsync(_bucket, source, _bucket, target, cancellationToken));

    /// <summary>A server-side copy of an object over CopyObject's 5 GiB limit, in 1 GiB part copies.</summary>
    private async Task CopyInPartsAsync(string source, string target, long size, CancellationToken cancellationToken)
    {
        const long CopyPartSize = 1024L * 1024 * 1024;
        var multipart = (await CallAsync(() => _s3.InitiateMultipartUploadAsync(_bucket, target, cancellationToken))).UploadId;
        var parts = new List<PartETag>();
        for (long offset = 0; offset < size; offset += CopyPartSize)
        {
            var last = Math.Min(offset + CopyPartSize, size) - 1;
            var copied = await CallAsync(() => _s3.CopyPartAsync(new CopyPartRequest
            {
                SourceBucket = _bucket,
                SourceKey = source,
                DestinationBucket = _bucket,
                DestinationKey = target,
                UploadId = multipart,
                PartNumber = parts.Count + 1,
                FirstByte = offset,
                LastByte = last,
            }, cancellationToken));
            parts.Add(new PartETag(parts.Count + 1, copied.ETag));
        }

        await CallAsync(() => _s3.CompleteMultipartUploadAsync(
            new CompleteMultipartUploadRequest { BucketName = _bucket, Key = target, UploadId = multipart, PartETags = parts }, cancellationToken));
    }

    private async Task DeleteObjectsAsync(string prefix, CancellationToken cancellationToken)
    {
        await foreach (var item in ListObjectsAsync(prefix, cancellationToken))
        {
            await CallAsync(() => _s3.DeleteObjectAsync(_bucket, item.Key, cancellationToken));
        }
    }
}
