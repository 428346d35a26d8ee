using System.Diagnostics;
using Gallery.Bench.Measure;
using Gallery.Bench.Oci;
using Gallery.Bench.Reporting;

namespace Gallery.Bench.Suites.Registry;

/// <summary>
/// Blob pushes with curl, a new blob every run (its first bytes change), alternating the servers: monolithic (POST,
/// then one PUT <c>?digest=</c> streaming the file) for every size, and chunked (POST, PATCHes with Content-Range
/// from chunk files, closing PUT) for the smallest. Timed from the POST to the 201, process start-ups included.
/// </summary>
public static class CurlPushFigures
{
    private const string Repository = "bench/push";

    public static async Task<IReadOnlyList<Figure>> MeasureAsync(RegistryRun run, CancellationToken cancellationToken)
    {
        await GetTokensAsync(run, cancellationToken);
        var figures = new List<Figure>();
        var limit = new Limit("slower of SHA-256 and disk write", [run.Limits.Push]);
        var chunkedSize = run.Sizes.Pushes.Min(p => p.Bytes);
        foreach (var (bytes, runs) in run.Sizes.Pushes)
        {
            var size = RegistrySizes.Size(bytes);
            using var blob = await BlobFile.CreateAsync(Path.Combine(run.Scratch, "push.bin"), bytes, cancellationToken);
            var (monolithic, chunked, cpu) = (new SamplePair(), new SamplePair(), new SamplePair());
            for (var i = 0; i < runs; i++)
            {
                await blob.RenewAsync(cancellationToken);
                foreach (var target in run.InTurn(i))
                {
                    var (rate, seconds) = await ProcessCpu.PerGiBAsync(target.Server.ProcessId, bytes,
                        () => TimeAsync(target, $"push {size} monolithic, run {i + 1}/{runs}", bytes, curl => MonolithicAsync(curl, blob, cancellationToken)));
                    monolithic.Add(target, rate);
                    cpu.Add(target, seconds);
                }

                run.DropStoredBlob(blob.Digest);

                if (bytes == chunkedSize)
                {
                    await blob.RenewAsync(cancellationToken);
                    var chunks = await WriteChunksAsync(blob, run.Sizes.ChunkBytes, run.Scratch, cancellationToken);
                    try
                    {
                        foreach (var target in run.InTurn(i))
                        {
                            chunked.Add(target, await TimeAsync(target, $"push {size} chunked, run {i + 1}/{runs}", bytes, curl => ChunkedAsync(curl, blob, chunks, cancellationToken)));
                        }
                    }
                    finally
                    {
                        chunks.ForEach(c => File.Delete(c.Path));
                        run.DropStoredBlob(blob.Digest);
                    }
                }
            }

            figures.Add(new Figure($"blob-push-{bytes >> 20}m", $"blob push {size}, monolithic, curl", "MB/s", Better.Higher, monolithic.Ours, monolithic.Peer,
                Target.AtLeastPeer(1.5), "POST, then PUT ?digest= with curl -T", Limit: limit));
            figures.Add(new Figure($"blob-push-{bytes >> 20}m-cpu", $"server CPU per GiB pushed, {size} monolithic", "CPU s", Better.Lower, cpu.Ours, cpu.Peer,
                Note: "user + system time of the server process during each monolithic push, per GiB"));
            if (bytes == chunkedSize)
            {
                figures.Add(new Figure($"blob-push-{bytes >> 20}m-chunked", $"blob push {size}, chunked {RegistrySizes.Size(run.Sizes.ChunkBytes)}, curl", "MB/s", Better.Higher,
                    chunked.Ours, chunked.Peer, Target.AtLeastPeer(1.5), "POST, a PATCH per chunk with Content-Range, PUT ?digest= with no body; one curl each", Limit: limit));
            }
        }

        return figures;
    }

    /// <summary>One small push with the harness's client on each server, which gets it the push token curl then uses.</summary>
    private static async Task GetTokensAsync(RegistryRun run, CancellationToken cancellationToken)
    {
        var content = System.Security.Cryptography.RandomNumberGenerator.GetBytes(4096);
        var digest = "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        foreach (var target in run.InTurn(0))
        {
            await target.Client.PushMonolithicAsync(Repository, new ByteArrayContent(content), digest, cancellationToken);
        }
    }

    private static async Task<double> TimeAsync(RegistryTarget target, string what, long bytes, Func<Curl, Task> push)
    {
        var curl = RegistryRun.CurlFor(target, Repository);
        var stopwatch = Stopwatch.StartNew();
        await push(curl);
        var rate = bytes / 1e6 / stopwatch.Elapsed.TotalSeconds;
        Progress.Line($"registry: {what}, {target.Role}: {rate:0} MB/s");
        return rate;
    }

    private static async Task MonolithicAsync(Curl curl, BlobFile blob, CancellationToken cancellationToken)
    {
        var location = await curl.StartUploadAsync(Repository, cancellationToken);
        await curl.PutAsync(location, blob.Digest, blob.Path, cancellationToken);
    }

    private static async Task ChunkedAsync(Curl curl, BlobFile blob, List<(string Path, long Start, long Length)> chunks, CancellationToken cancellationToken)
    {
        var location = await curl.StartUploadAsync(Repository, cancellationToken);
        foreach (var (path, start, length) in chunks)
        {
            location = await curl.PatchAsync(location, path, start, length, cancellationToken);
        }

        await curl.PutAsync(location, blob.Digest, file: null, cancellationToken);
    }

    /// <summary>The blob cut into chunk files (curl uploads whole files), written before the timing starts.</summary>
    private static async Task<List<(string Path, long Start, long Length)>> WriteChunksAsync(BlobFile blob, long chunkBytes, string scratch, CancellationToken cancellationToken)
    {
        var chunks = new List<(string, long, long)>();
        var buffer = new byte[chunkBytes];
        for (long start = 0; start < blob.Length; start += chunkBytes)
        {
            var length = (int)Math.Min(chunkBytes, blob.Length - start);
            await RandomAccess.ReadAsync(blob.Handle, buffer.AsMemory(0, length), start, cancellationToken);
            var path = Path.Combine(scratch, $"chunk-{start}.bin");
            await File.WriteAllBytesAsync(path, buffer.AsMemory(0, length), cancellationToken);
            chunks.Add((path, start, length));
        }

        return chunks;
    }
}
