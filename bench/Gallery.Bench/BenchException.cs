namespace Gallery.Bench;

/// <summary>A failure the harness explains in one message (a missing tool, a server that would not start, a wrong answer).</summary>
public sealed class BenchException(string message) : Exception(message);
