using Gallery.Indexer.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using OpenTelemetry.Metrics;
using Registry.Core.Diagnostics;
using Registry.Core.Settings;

namespace Gallery.Web.Operations;

/// <summary>
/// OpenTelemetry metrics (ASP.NET Core, Kestrel, the runtime, EF Core, Npgsql and our own <c>gallery_</c> meters)
/// exported for Prometheus at <c>GET /metrics</c>, on the main address or only on <see cref="MetricsOptions.Url"/>.
/// </summary>
internal static class GalleryTelemetry
{
    public static WebApplicationBuilder AddGalleryTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddCheckedOptions<MetricsOptions>(builder.Configuration, MetricsOptions.SectionName, MetricsOptions.Check);
        var options = builder.Configuration.GetSection(MetricsOptions.SectionName).Get<MetricsOptions>() ?? new MetricsOptions();
        if (!options.Enabled)
        {
            return builder;
        }

        if (options.SeparatePort is not null)
        {
            // Listen on the metrics address besides the configured ones (--urls, Urls, ASPNETCORE_URLS).
            var urls = builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey);
            builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, string.IsNullOrWhiteSpace(urls) ? options.Url : $"{urls};{options.Url}");
        }

        builder.Services.AddHostedService<EagerMeters>();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddMeter("Microsoft.EntityFrameworkCore", "Npgsql", RegistryMetrics.MeterName, IndexMetrics.MeterName)
            // Every scrape reads the meters now: the exporter's default 300 ms answer cache showed a scrape right
            // after a push without it.
            .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        return builder;
    }

    public static IEndpointRouteBuilder MapGalleryMetrics(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IConfiguration>().GetSection(MetricsOptions.SectionName).Get<MetricsOptions>() ?? new MetricsOptions();
        if (options.Enabled)
        {
            var endpoint = app.MapPrometheusScrapingEndpoint("/metrics");
            if (options.SeparatePort is { } port)
            {
                endpoint.RequireHost($"*:{port}");
            }
        }

        return app;
    }

    /// <summary>Creates the meters at start, so their gauges are scraped before anything has used them.</summary>
    private sealed class EagerMeters(RegistryMetrics registry, IndexMetrics index) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            GC.KeepAlive(registry);
            GC.KeepAlive(index);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
