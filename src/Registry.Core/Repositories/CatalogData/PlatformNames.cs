namespace Registry.Core.Repositories.CatalogData;

/// <summary>
/// The catalog's names for architectures and operating systems (ECR Public's catalog values): the ones offered in the
/// console and shown as badges and filters, and the mapping from the OCI names images are pushed with. Catalog data
/// may hold other values; they are kept but not shown.
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
