namespace Gallery.Bench.Load;

/// <summary>What a load run measured. Errors are non-2xx answers, timeouts and connection failures.</summary>
public sealed record LoadResult(long Requests, long Errors, TimeSpan Elapsed, double P50Milliseconds, double P99Milliseconds)
{
    public double RequestsPerSecond => Elapsed > TimeSpan.Zero ? (Requests - Errors) / Elapsed.TotalSeconds : 0;

    public override string ToString() =>
        $"{RequestsPerSecond:0} req/s, p50 {P50Milliseconds:0.00} ms, p99 {P99Milliseconds:0.00} ms ({Requests} requests, {Errors} errors, {Elapsed.TotalSeconds:0.0} s)";
}
