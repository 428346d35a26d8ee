namespace Gallery.Bench.Processes;

/// <summary>A directory under /tmp that is deleted on dispose (and by <see cref="Cleanup"/> if the harness is torn down).</summary>
public sealed class TempDirectory : IDisposable
{
    private readonly IDisposable _cleanup;

    public TempDirectory(string prefix)
    {
        Path = Directory.CreateTempSubdirectory($"gallery-bench-{prefix}-").FullName;
        var path = Path;
        _cleanup = Cleanup.Register($"delete {path}", () => Delete(path));
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        _cleanup.Dispose();
        Delete(Path);
    }

    private static void Delete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a file still held open by a dying process; /tmp is cleaned eventually.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
