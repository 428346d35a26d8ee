using System.Diagnostics;
using System.Security.Cryptography;
using Gallery.Bench.Oci;

namespace Gallery.Bench.Measure;

/// <summary>
/// What this machine can do at best, measured in the same run as the figures so each reads as a fraction of it:
/// SHA-256 on one core, a file sent to curl by the kernel (one client and several at once), and a large disk write
/// with and without fdatasync. Each is a list of samples (taken before and after the figures); the best counts, as
/// other work on a shared machine only ever slows a measurement down.
/// </summary>
public sealed class MachineLimits
{
    private const int Block = 1024 * 1024;

    public List<double> Sha256 { get; } = [];

    public List<double> FileToCurl { get; } = [];

    public List<double> FileToCurlConcurrent { get; } = [];

    public List<double> DiskWrite { get; } = [];

    public List<double> DiskWriteSynced { get; } = [];

    /// <summary>A push hashes and writes every byte: it can go no faster than the slower of the two.</summary>
    public double Push => Math.Min(Best(Sha256), Best(DiskWrite));

    public async Task MeasureAsync(string file, int clients, string scratch, long writeBytes, CancellationToken cancellationToken)
    {
        Sha256.Add(HashRate(Math.Min(new FileInfo(file).Length, 256 * Block)));
        using (var server = new FileSocketServer(file))
        {
            var curl = new Curl(server.Url, authorization: null);
            FileToCurl.Add((await curl.GetAsync(server.Url, cancellationToken)).DownloadMegabytesPerSecond);
            var stopwatch = Stopwatch.StartNew();
            var all = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => curl.GetAsync(server.Url, cancellationToken)));
            FileToCurlConcurrent.Add(all.Sum(r => r.Downloaded) / 1e6 / stopwatch.Elapsed.TotalSeconds);
        }

        var target = Path.Combine(scratch, "disk-limit.bin");
        try
        {
            DiskWrite.Add(await WriteRateAsync(target, writeBytes, sync: false, cancellationToken));
            DiskWriteSynced.Add(await WriteRateAsync(target, writeBytes, sync: true, cancellationToken));
        }
        finally
        {
            File.Delete(target);
        }
    }

    public string Describe() =>
        $"SHA-256 {Best(Sha256):0} MB/s (one core); file -> curl by sendfile {Best(FileToCurl):0} MB/s, " +
        $"several curls at once {Best(FileToCurlConcurrent):0} MB/s in all; disk write {Best(DiskWrite):0} MB/s, " +
        $"with fdatasync {Best(DiskWriteSynced):0} MB/s";

    private static double Best(List<double> samples) => samples.Count == 0 ? 0 : samples.Max();

    private static double HashRate(long bytes)
    {
        var buffer = new byte[Block];
        Random.Shared.NextBytes(buffer);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var stopwatch = Stopwatch.StartNew();
        for (long done = 0; done < bytes; done += Block)
        {
            hash.AppendData(buffer);
        }

        hash.GetHashAndReset();
        return bytes / 1e6 / stopwatch.Elapsed.TotalSeconds;
    }

    /// <summary>A new file written in 1 MiB blocks; with <paramref name="sync"/>, timed until fdatasync returns.</summary>
    private static async Task<double> WriteRateAsync(string path, long bytes, bool sync, CancellationToken cancellationToken)
    {
        File.Delete(path);
        var buffer = new byte[Block];
        Random.Shared.NextBytes(buffer);
        var stopwatch = Stopwatch.StartNew();
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
        {
            for (long done = 0; done < bytes; done += Block)
            {
                await file.WriteAsync(buffer, cancellationToken);
            }

            if (sync)
            {
                file.Flush(flushToDisk: true);
            }
        }

        var rate = bytes / 1e6 / stopwatch.Elapsed.TotalSeconds;
        File.Delete(path);
        return rate;
    }
}
