using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Registry.Core.Diagnostics;

namespace Gallery.Web.Operations;

/// <summary>
/// <c>GET /healthz</c>: liveness, no dependency asked (200 while the process serves requests).
/// <c>GET /readyz</c>: readiness, every check tagged ready (database, blob store, index lag), as JSON; 503 when one fails.
/// </summary>
internal static class HealthEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync, AllowCachingResponses = false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(HealthTags.Ready),
            ResponseWriter = WriteAsync,
            AllowCachingResponses = false,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var answer = new
        {
            status = Status(report.Status),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new Dictionary<string, object?>(e.Value.Data.Select(d => KeyValuePair.Create(d.Key, (object?)d.Value)))
                {
                    ["status"] = Status(e.Value.Status),
                    ["description"] = e.Value.Description,
                    ["durationMs"] = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
                }),
        };
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(answer, Json), context.RequestAborted);
    }

    private static string Status(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}
