namespace Gallery.Indexer.Documents;

/// <summary>
/// The gallery's names for architectures and operating systems (ECR Public's catalog values), and the mapping from
/// the OCI names images are pushed with. Other values are not shown as badges or filters, so they are not indexed.
/// </summary>
public static class PlatformNames
{
    public static readonly IReadOnlyList<string> Architectures = ["ARM", "ARM 64", "x86", "x86-64"];

    public static readonly IReadOnlyList<string> OperatingSystems = ["Linux", "Windows"];

    public static string? Architecture(string value) => value.ToLowerInvariant() switch
    {
        "amd64" or "x86-64" or "x86_64" => "x86-64",
        "arm64" or "arm 64" or "aarch64" => "ARM 64",
        "arm" => "ARM",
        "386" or "x86" => "x86",
        _ => null,
    };

    public static string? OperatingSystem(string value) => value.ToLowerInvariant() switch
    {
        "linux" => "Linux",
        "windows" => "Windows",
        _ => null,
    };
}
