using System.Diagnostics;

namespace Gallery.Bench.Suites.Pages;

/// <summary>
/// Times one page as one visitor meets it, one request at a time: time to the response headers, alternately for the
/// page as served (from the page cache when it holds it) and with the cache bypassed (a query parameter nobody asked
/// for, so the page is rendered). Bounded in count and time.
/// </summary>
public static class PageTimer
{
    /// <summary>Requests of each kind sent first and not timed (the first render of a page pays for compiling it).</summary>
    private const int Warmup = 5;

    public sealed record Samples(List<double> Cached, List<double> Rendered);

    public static async Task<Samples> SampleAsync(HttpClient http, Uri url, int maxEach, TimeSpan maxTime, CancellationToken cancellationToken)
    {
        for (var i = 0; i < Warmup; i++)
        {
            await TimeToFirstByteAsync(http, url, cancellationToken);
            await TimeToFirstByteAsync(http, Uncached(url, -i), cancellationToken);
        }

        var samples = new Samples([], []);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < maxEach && clock.Elapsed < maxTime; i++)
        {
            samples.Cached.Add(await TimeToFirstByteAsync(http, url, cancellationToken));
            samples.Rendered.Add(await TimeToFirstByteAsync(http, Uncached(url, i), cancellationToken));
        }

        return samples;
    }

    /// <summary>The page under a query string nobody asked for before, so the page cache misses and the page is rendered.</summary>
    private static Uri Uncached(Uri url, int sample) =>
        new($"{url}{(string.IsNullOrEmpty(url.Query) ? "?" : "&")}bench-sample={sample}-{Guid.NewGuid():N}");

    private static async Task<double> TimeToFirstByteAsync(HttpClient http, Uri url, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        response.EnsureSuccessStatusCode();
        await response.Content.CopyToAsync(Stream.Null, cancellationToken);
        return elapsed;
    }
}
