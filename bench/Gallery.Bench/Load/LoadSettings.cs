namespace Gallery.Bench.Load;

/// <summary>How hard and how long: connections, the time bound and the request-count bound (whichever comes first).</summary>
public sealed record LoadSettings(int Connections, TimeSpan Duration, long MaxRequests, TimeSpan Warmup);
