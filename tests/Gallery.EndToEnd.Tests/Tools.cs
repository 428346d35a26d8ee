using Xunit.Sdk;

namespace Gallery.EndToEnd.Tests;

/// <summary>Finds the command-line clients the tests drive.</summary>
internal static class Tools
{
    /// <summary>/usr/bin/NAME, or NAME anywhere on PATH; null when it is not installed.</summary>
    public static string? Find(string name)
    {
        var directories = new[] { "/usr/bin", "/usr/local/bin" }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        return directories.Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
    }

    public static XunitException Missing(string name, string install) =>
        new($"{name} is not installed (looked in /usr/bin, /usr/local/bin and PATH). These end-to-end tests drive the real client and fail without it: `{install}`.");
}
