using Registry.Core.Settings;

namespace Gallery.Web.Operations;

/// <summary>The Prometheus scrape endpoint, bound from "Gallery:Metrics".</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Gallery:Metrics";

    /// <summary>False: no <c>/metrics</c> endpoint (the meters still count, for nobody).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Serve <c>/metrics</c> only on this extra listen address (e.g. <c>http://0.0.0.0:9464</c>), not on the public one;
    /// empty: on the main address.
    /// </summary>
    public string? Url { get; set; }

    /// <summary>The port of <see cref="Url"/>, or null when metrics share the main address.</summary>
    internal static void Check(MetricsOptions o, SettingRules rules)
    {
        if (!string.IsNullOrWhiteSpace(o.Url))
        {
            rules.Check(Uri.TryCreate(o.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && url.AbsolutePath == "/"
                && o.Url.Contains($":{url.Port}", StringComparison.Ordinal),
                nameof(Url), "must be an http:// address with a port and no path, e.g. http://0.0.0.0:9464", $"'{o.Url}'");
        }
    }

    public int? SeparatePort => Uri.TryCreate(Url, UriKind.Absolute, out var url) ? url.Port : null;
}
