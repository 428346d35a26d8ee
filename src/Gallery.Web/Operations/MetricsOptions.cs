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
    public int? SeparatePort => string.IsNullOrWhiteSpace(Url) ? null : new Uri(Url).Port;
}
