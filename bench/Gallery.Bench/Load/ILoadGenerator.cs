namespace Gallery.Bench.Load;

/// <summary>A bounded load generator. The same one is used for both servers within a run.</summary>
public interface ILoadGenerator
{
    /// <summary>"wrk 4.1.0, 1 thread" or "in-process HttpClient loop".</summary>
    string Description { get; }

    /// <summary>False for requests this tool cannot send correctly (wrk never finishes reading a HEAD answer).</summary>
    bool Supports(LoadRequest request);

    Task<LoadResult> RunAsync(LoadRequest request, LoadSettings settings, CancellationToken cancellationToken);
}
