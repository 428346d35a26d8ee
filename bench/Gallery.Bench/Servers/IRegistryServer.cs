namespace Gallery.Bench.Servers;

/// <summary>A registry the harness started and measures: where it listens and which process to watch.</summary>
public interface IRegistryServer : IAsyncDisposable
{
    /// <summary>Short name for progress lines: "ours" or "peer".</summary>
    string Role { get; }

    /// <summary>What it is, e.g. "Gallery.Web (Release, SQLite)" or "CNCF Distribution 2.8.2".</summary>
    string Description { get; }

    /// <summary>http://127.0.0.1:PORT/</summary>
    Uri BaseAddress { get; }

    /// <summary>The process serving requests (the one whose memory is sampled).</summary>
    int ProcessId { get; }

    /// <summary>Basic credentials for the token endpoint (a publisher's access key); null when the server needs none.</summary>
    (string User, string Password)? Credentials { get; }

    /// <summary>Null while the server runs; its exit code and last output once it has died.</summary>
    string? ExitReport();

    /// <summary>The last lines the server printed (it logs warnings and errors only).</summary>
    string OutputTail { get; }

    /// <summary>
    /// Deletes a blob's bytes from the server's storage directory behind its back, so that a full run's disk use stays
    /// bounded: only for a blob the run is done with (the server still lists it; nothing asks for it again). Nothing
    /// to do for blobs in a bucket.
    /// </summary>
    void DropStoredBlob(string digest);
}
