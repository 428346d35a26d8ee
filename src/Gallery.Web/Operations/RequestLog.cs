using System.Diagnostics;
using Registry.Core.Diagnostics;

namespace Gallery.Web.Operations;

/// <summary>
/// One log line per request (category <c>Gallery.Requests</c>): method, route template, status, duration and trace id.
/// Never the path's values, the query string or any header: those carry tokens, credentials and names. Also counts
/// the requests refused with 429 (pull and account-form rate limits) in <c>gallery_rate_limited_requests</c>.
/// </summary>
internal sealed partial class RequestLog(RequestDelegate next, ILoggerFactory loggers, RegistryMetrics metrics)
{
    public const string Category = "Gallery.Requests";

    private readonly ILogger logger = loggers.CreateLogger(Category);

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var status = context.Response.StatusCode;
            if (status == StatusCodes.Status429TooManyRequests)
            {
                metrics.RateLimited(context.Request.Path.StartsWithSegments("/v2") ? "registry" : "console");
            }

            if (logger.IsEnabled(LogLevel.Information))
            {
                var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
                var traceId = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
                Log(logger, context.Request.Method, route, status, Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 2), traceId);
            }
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Method} {Route} answered {StatusCode} in {DurationMs} ms, trace {TraceId}")]
    private static partial void Log(ILogger logger, string method, string route, int statusCode, double durationMs, string traceId);
}
