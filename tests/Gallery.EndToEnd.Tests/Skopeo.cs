using System.Text.Json;
using Gallery.Testing;
using Gallery.Testing.Processes;

namespace Gallery.EndToEnd.Tests;

/// <summary>
/// The skopeo CLI, talking plain HTTP to the test registry, signed in as the test publisher unless a call says
/// otherwise (<c>credentials: null</c> is anonymous). A missing skopeo fails the test (these tests exist to drive a
/// real client; skipping would hide that nothing was checked).
/// </summary>
internal static class Skopeo
{
    public const string Publisher = TestPublisher.Credentials;

    private static readonly Lazy<string?> Executable = new(() => Tools.Find("skopeo"));

    /// <param name="format">null to keep the source's manifest format; <c>v2s2</c> converts to Docker schema 2 (what <c>docker push</c> sends).</param>
    /// <param name="options">More <c>skopeo copy</c> options, e.g. <c>--dest-compress-format zstd</c>.</param>
    public static async Task CopyAsync(
        string source, string destination, bool all = false, string? format = null, IEnumerable<string>? options = null, string? credentials = Publisher) =>
        (await RunCopyAsync(source, destination, all, format, options, credentials)).EnsureSuccess();

    /// <summary>A copy that is expected to fail (e.g. pulling a deleted tag, pushing without credentials).</summary>
    public static async Task<ProcessResult> CopyExpectingFailureAsync(string source, string destination, string? credentials = Publisher) =>
        (await RunCopyAsync(source, destination, all: false, format: null, options: null, credentials)).EnsureFailure();

    /// <summary>The manifest exactly as the registry serves it (<c>skopeo inspect --raw</c>).</summary>
    public static async Task<byte[]> InspectRawAsync(string reference, string? credentials = Publisher) =>
        (await RunOkAsync(["inspect", "--raw", "--tls-verify=false", .. Creds("--creds", credentials), reference])).StandardOutputBytes;

    /// <summary>The image's config blob exactly as the registry serves it (<c>skopeo inspect --config --raw</c>).</summary>
    public static async Task<byte[]> InspectConfigRawAsync(string reference) =>
        (await RunOkAsync(["inspect", "--config", "--raw", "--tls-verify=false", .. Creds("--creds", Publisher), reference])).StandardOutputBytes;

    /// <summary>skopeo's summary of an image (Architecture, Os, Layers, ...); for an index, of the platform chosen by the overrides.</summary>
    public static async Task<JsonElement> InspectAsync(string reference, string? overrideArchitecture = null)
    {
        string[] overrides = overrideArchitecture is null ? [] : ["--override-os", "linux", "--override-arch", overrideArchitecture];
        var result = await RunOkAsync([.. overrides, "inspect", "--tls-verify=false", .. Creds("--creds", Publisher), reference]);
        return ParseJson(result);
    }

    public static async Task<IReadOnlyList<string>> ListTagsAsync(string repositoryReference)
    {
        var result = await RunOkAsync(["list-tags", "--tls-verify=false", .. Creds("--creds", Publisher), repositoryReference]);
        return ParseJson(result).GetProperty("Tags").EnumerateArray().Select(t => t.GetString()!).ToList();
    }

    public static Task DeleteAsync(string reference) => RunOkAsync(["delete", "--tls-verify=false", .. Creds("--creds", Publisher), reference]);

    public static async Task<ProcessResult> RunAsync(IEnumerable<string> arguments)
    {
        var executable = Executable.Value ?? throw Tools.Missing("skopeo", "apt-get install -y skopeo");
        return await ProcessRunner.RunAsync(executable, ["--insecure-policy", .. arguments]);
    }

    private static Task<ProcessResult> RunCopyAsync(
        string source, string destination, bool all, string? format, IEnumerable<string>? options, string? credentials) =>
        RunAsync([
            "copy",
            .. all ? new[] { "--all" } : [],
            .. format is null ? [] : new[] { "--format", format },
            .. options ?? [],
            "--src-tls-verify=false",
            "--dest-tls-verify=false",
            .. IsRegistry(source) ? Creds("--src-creds", credentials) : [],
            .. IsRegistry(destination) ? Creds("--dest-creds", credentials) : [],
            source,
            destination,
        ]);

    private static bool IsRegistry(string reference) => reference.StartsWith("docker://", StringComparison.Ordinal);

    /// <summary>Credentials when given; otherwise <c>--no-creds</c>, so nothing from the machine's auth files is used.</summary>
    private static string[] Creds(string option, string? credentials) =>
        credentials is null ? [option.Replace("creds", "no-creds", StringComparison.Ordinal)] : [option, credentials];

    private static async Task<ProcessResult> RunOkAsync(IEnumerable<string> arguments) => (await RunAsync(arguments)).EnsureSuccess();

    private static JsonElement ParseJson(ProcessResult result)
    {
        try
        {
            using var document = JsonDocument.Parse(result.StandardOutputBytes);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new Xunit.Sdk.XunitException($"`{result.CommandLine}` printed something that is not JSON ({e.Message}):\n{result.StandardOutput}");
        }
    }
}
