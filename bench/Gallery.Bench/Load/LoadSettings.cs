namespace Gallery.Bench.Load;

/// <summary>
/// How hard and how long: connections, the time bound and the request-count bound of one run (whichever comes first),
/// and a warm-up run before it whose figures are thrown away.
/// </summary>
public sealed record LoadSettings(int Connections, TimeSpan Duration, long MaxRequests, TimeSpan Warmup);
