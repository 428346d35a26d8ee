using Gallery.Testing;
using Gallery.Testing.Processes;

namespace Gallery.EndToEnd.Tests;

/// <summary>
/// The buildah CLI with its own throwaway storage (vfs driver; root, runroot and temp files in a new directory
/// deleted on dispose), so tests neither see nor touch the machine's images. A missing buildah fails the test.
/// </summary>
internal sealed class Buildah : IDisposable
{
    private static readonly Lazy<string?> Executable = new(() => Tools.Find("buildah"));

    private readonly TempDirectory _storage = new("buildah");

    public async Task<string> RunOkAsync(params string[] arguments)
    {
        var executable = Executable.Value ?? throw Tools.Missing("buildah", "apt-get install -y buildah");
        string[] storage = ["--storage-driver", "vfs", "--root", _storage.Sub("root"), "--runroot", _storage.Sub("run")];
        var environment = new Dictionary<string, string?> { ["TMPDIR"] = _storage.Path };
        return (await ProcessRunner.RunAsync(executable, [.. storage, .. arguments], environment: environment)).EnsureSuccess().StandardOutput.Trim();
    }

    /// <summary><c>buildah push</c>, <c>pull</c> or <c>manifest push</c> over plain HTTP, signed in as the test publisher.</summary>
    public Task<string> TransferAsync(string[] command, params string[] arguments) =>
        RunOkAsync([.. command, "--tls-verify=false", "--creds", TestPublisher.Credentials, .. arguments]);

    public void Dispose() => _storage.Dispose();
}
