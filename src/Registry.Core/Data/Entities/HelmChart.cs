namespace Registry.Core.Data.Entities;

/// <summary>
/// What a Helm chart manifest says of its chart, read once at push from its config blob (and its README from the chart
/// archive, when the repository had no About text then). <see cref="Problem"/> says why facts are missing, if they are.
/// </summary>
public sealed class HelmChart
{
    public long ManifestId { get; set; }

    public string? Name { get; set; }

    public string? Version { get; set; }

    public string? AppVersion { get; set; }

    public string? Description { get; set; }

    public List<string> Keywords { get; set; } = [];

    public string? Readme { get; set; }

    public string? Problem { get; set; }
}
