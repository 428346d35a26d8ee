namespace Registry.Core.Charts;

/// <summary>The media types Helm (3.8+) pushes a chart with: a JSON config holding Chart.yaml, and one gzipped tar layer.</summary>
public static class HelmMediaTypes
{
    public const string Config = "application/vnd.cncf.helm.config.v1+json";
    public const string ChartContent = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";
    public const string Provenance = "application/vnd.cncf.helm.chart.provenance.v1.prov";
}
