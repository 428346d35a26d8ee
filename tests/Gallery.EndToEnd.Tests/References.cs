using Gallery.Testing;

namespace Gallery.EndToEnd.Tests;

/// <summary>Repository names and image references for the test registry; every name carries a random suffix.</summary>
internal static class References
{
    /// <summary>The alias of the publisher every test server is bootstrapped with; pushing creates repositories under it.</summary>
    public const string Alias = TestPublisher.Alias;

    /// <summary>e.g. <c>tests/single-3f9a1c2b</c>: the tests' alias plus a name no other test uses.</summary>
    public static string UniqueRepository(string purpose) => $"{Alias}/{purpose}-{Guid.NewGuid().ToString("N")[..8]}";

    public static string Docker(string authority, string repository, string tag) => $"docker://{authority}/{repository}:{tag}";

    /// <summary>A repository without tag or digest, as <c>skopeo list-tags</c> wants it.</summary>
    public static string DockerRepository(string authority, string repository) => $"docker://{authority}/{repository}";

    public static string DockerDigest(string authority, string repository, string digest) => $"docker://{authority}/{repository}@{digest}";

    public static string Oci(string directory, string tag) => $"oci:{directory}:{tag}";
}
