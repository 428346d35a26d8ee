using Gallery.Testing;
using Gallery.Testing.Processes;

namespace Gallery.EndToEnd.Tests.Operations;

/// <summary>
/// The real server refuses to start with a setting it cannot work with: exit code 2, one line on stderr naming the
/// setting and its rule, no stack trace, nothing started.
/// </summary>
public sealed class BadSettingsTests : IDisposable
{
    private readonly TempDirectory _temp = new("settings");

    public static TheoryData<string, string, string> BadSettings => new()
    {
        { "Gallery__Limits__MaxLayerBytes", "-5", "Gallery:Limits:MaxLayerBytes (Gallery__Limits__MaxLayerBytes) must be at least 1; it is -5" },
        { "Gallery__Supply__MaxSbomBytes", "0", "Gallery:Supply:MaxSbomBytes (Gallery__Supply__MaxSbomBytes) must be at least 1; it is 0" },
        { "Gallery__Limits__UploadSessionLifetime", "00:00:00", "Gallery:Limits:UploadSessionLifetime (Gallery__Limits__UploadSessionLifetime) must be longer than zero" },
        { "Gallery__Access__RegistryTokenLifetime", "0", "Gallery:Access:RegistryTokenLifetime (Gallery__Access__RegistryTokenLifetime) must be longer than zero" },
        { "Gallery__Index__PollInterval", "-00:00:01", "Gallery:Index:PollInterval (Gallery__Index__PollInterval) must be longer than zero" },
        { "Gallery__Database__Provider", "Mongo", "Gallery:Database:Provider (Gallery__Database__Provider) must be one of Sqlite, Postgres; it is 'Mongo'" },
        { "Gallery__Database__Provider", "7", "Gallery:Database:Provider (Gallery__Database__Provider) must be one of Sqlite, Postgres; it is 7" },
        { "Gallery__RateLimits__AnonymousBurst", "lots", "Gallery:RateLimits:AnonymousBurst (Gallery__RateLimits__AnonymousBurst) must be a number; it is 'lots'" },
        { "Gallery__Console__AccountPostsPerMinute", "-1", "Gallery:Console:AccountPostsPerMinute (Gallery__Console__AccountPostsPerMinute) must be at least 0; it is -1" },
        { "Gallery__KeyRing__KeyFile", "/nonexistent/keyring.key", "Gallery:KeyRing:KeyFile (Gallery__KeyRing__KeyFile) must name a file the server can read; /nonexistent/keyring.key is not" },
        { "Gallery__DataPath", "/proc/gallery-data", "Gallery:DataPath (Gallery__DataPath) must be a directory the server can create and write; /proc/gallery-data is not" },
        { "Gallery__Metrics__Url", "metrics-please", "Gallery:Metrics:Url (Gallery__Metrics__Url) must be an http:// address with a port and no path" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task Refused_with_one_line_naming_the_setting(string variable, string value, string message)
    {
        var result = await ProcessRunner.RunAsync(
            "dotnet",
            [Path.Combine(AppContext.BaseDirectory, GalleryProcess.AssemblyName), "--urls", $"http://127.0.0.1:{FreePort.Next()}", "--contentRoot", AppContext.BaseDirectory],
            TimeSpan.FromSeconds(60),
            workingDirectory: _temp.Path,
            environment: new Dictionary<string, string?> { ["Gallery__DataPath"] = Path.Combine(_temp.Path, "data"), [variable] = value });

        Assert.Equal(2, result.ExitCode);
        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, result.Describe());
        Assert.StartsWith("Setting refused: " + message, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", result.StandardOutput, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
