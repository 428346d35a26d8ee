using Gallery.Testing;
using Gallery.Testing.Processes;

namespace Gallery.EndToEnd.Tests;

/// <summary>
/// The podman CLI with its own throwaway storage (vfs driver; root, runroot and tmpdir in a new directory deleted on
/// dispose), so tests neither see nor touch the machine's images. A missing podman fails the test.
/// </summary>
internal sealed class Podman : IDisposable
{
    private static readonly Lazy<string?> Executable = new(() => Tools.Find("podman"));

    // Short on purpose: podman refuses a runroot longer than 50 characters.
    private readonly string _directory = Directory.CreateTempSubdirectory("pm-").FullName;

    public async Task<ProcessResult> RunAsync(params string[] arguments)
    {
        var executable = Executable.Value ?? throw Tools.Missing("podman", "apt-get install -y podman");
        string[] storage =
        [
            "--storage-driver", "vfs",
            "--root", Path.Combine(_directory, "root"),
            "--runroot", Path.Combine(_directory, "run"),
            "--tmpdir", Path.Combine(_directory, "tmp"),
            "--events-backend", "none",
            "--cgroup-manager", "cgroupfs",
        ];
        return await ProcessRunner.RunAsync(executable, [.. storage, .. arguments]);
    }

    /// <summary><c>podman push</c> or <c>pull</c> over plain HTTP, signed in as the test publisher.</summary>
    public Task<string> TransferAsync(string command, params string[] arguments) =>
        RunOkAsync([command, "--tls-verify=false", "--creds", TestPublisher.Credentials, .. arguments]);

    public async Task<string> RunOkAsync(params string[] arguments) => (await RunAsync(arguments)).EnsureSuccess().StandardOutput.Trim();

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the OS to clean up.
        }
    }
}
