using System.Globalization;
using Gallery.Bench.Processes;

namespace Gallery.Bench.Oci;

/// <summary>What one curl process reports about its one request (its own <c>--write-out</c> figures).</summary>
public sealed record CurlResult(int Status, long Downloaded, long Uploaded, double Seconds, string Location)
{
    public double DownloadMegabytesPerSecond => Downloaded / 1e6 / Seconds;

    public double UploadMegabytesPerSecond => Uploaded / 1e6 / Seconds;
}

/// <summary>
/// The registry as a user's <c>curl</c> meets it: one curl process per request, with the bearer token a client got
/// from the registry's realm, the body written to /dev/null or read from a file. Times are curl's own
/// (<c>time_total</c>: connect to last byte), so process start-up is not counted.
/// </summary>
public sealed class Curl(Uri baseAddress, string? authorization)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private const string WriteOut = "%{http_code}\t%{size_download}\t%{size_upload}\t%{time_total}\t%header{location}";

    public Uri Url(string repository, string path) => new(baseAddress, $"v2/{repository}/{path}");

    /// <summary>GET of a blob (or of <paramref name="range"/> of it, as <c>curl -r</c>), the body thrown away.</summary>
    public Task<CurlResult> PullAsync(string repository, string digest, (long Start, long Length)? range, CancellationToken cancellationToken)
    {
        var arguments = new List<string> { "-o", "/dev/null" };
        if (range is { } r)
        {
            arguments.AddRange(["-r", $"{r.Start}-{r.Start + r.Length - 1}"]);
        }

        return RunAsync(arguments, Url(repository, $"blobs/{digest}"), range is null ? 200 : 206, cancellationToken);
    }

    /// <summary>GET of any URL (the machine's limit server), the body thrown away.</summary>
    public Task<CurlResult> GetAsync(Uri url, CancellationToken cancellationToken) => RunAsync(["-o", "/dev/null"], url, 200, cancellationToken);

    /// <summary>POST of a new upload session; its Location.</summary>
    public async Task<Uri> StartUploadAsync(string repository, CancellationToken cancellationToken)
    {
        var result = await RunAsync(["-X", "POST", "-H", "Content-Length: 0"], Url(repository, "blobs/uploads/"), 202, cancellationToken);
        return new Uri(baseAddress, result.Location);
    }

    /// <summary>PATCH of a chunk file at <paramref name="start"/>; the upload's next Location.</summary>
    public async Task<Uri> PatchAsync(Uri location, string chunkFile, long start, long length, CancellationToken cancellationToken)
    {
        var result = await RunAsync(
            ["-X", "PATCH", "-T", chunkFile, "-H", "Content-Type: application/octet-stream", "-H", $"Content-Range: {start}-{start + length - 1}"],
            location, 202, cancellationToken);
        return new Uri(baseAddress, result.Location);
    }

    /// <summary>The closing PUT <c>?digest=</c>, with the whole blob (monolithic) or with no body (after PATCHes).</summary>
    public Task<CurlResult> PutAsync(Uri location, string digest, string? file, CancellationToken cancellationToken)
    {
        var separator = string.IsNullOrEmpty(location.Query) ? "?" : "&";
        var url = new Uri(location.AbsoluteUri + separator + "digest=" + Uri.EscapeDataString(digest));
        List<string> arguments = file is null
            ? ["-X", "PUT", "-H", "Content-Length: 0"]
            : ["-X", "PUT", "-T", file, "-H", "Content-Type: application/octet-stream"];
        return RunAsync(arguments, url, 201, cancellationToken);
    }

    private async Task<CurlResult> RunAsync(List<string> arguments, Uri url, int expected, CancellationToken cancellationToken)
    {
        // No "Expect: 100-continue" round trip before a body: registry clients (docker, containerd, skopeo) send none.
        List<string> all = ["-sS", "--http1.1", "-H", "Expect:", "-w", WriteOut, .. arguments];
        if (authorization is not null)
        {
            all.AddRange(["-H", $"Authorization: {authorization}"]);
        }

        if (!arguments.Contains("-o"))
        {
            all.AddRange(["-o", "/dev/null"]);
        }

        all.Add(url.AbsoluteUri);
        var run = await ProcessRunner.RunAsync("curl", all, Timeout, cancellationToken);
        var fields = run.StandardOutput.Trim('\n').Split('\t');
        if (run.ExitCode != 0 || fields.Length < 5 || !int.TryParse(fields[0], CultureInfo.InvariantCulture, out var status) || status != expected)
        {
            throw new BenchException($"curl {string.Join(' ', arguments)} {url}: expected {expected}, got exit {run.ExitCode}: {run.Output}");
        }

        return new CurlResult(status, long.Parse(fields[1], CultureInfo.InvariantCulture), long.Parse(fields[2], CultureInfo.InvariantCulture),
            double.Parse(fields[3], CultureInfo.InvariantCulture), fields[4].Trim());
    }
}
