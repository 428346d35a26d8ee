namespace Gallery.Web.Operations;

/// <summary>What an operator needs from the host: health and readiness, metrics, the API description and request logs.</summary>
public static class OperationsExtensions
{
    public static WebApplicationBuilder AddGalleryOperations(this WebApplicationBuilder builder)
    {
        builder.AddGalleryTelemetry();
        builder.Services.AddGalleryOpenApi();
        return builder;
    }

    /// <summary>First in the pipeline, so the request log times and sees every request.</summary>
    public static WebApplication UseGalleryOperations(this WebApplication app)
    {
        app.UseMiddleware<RequestLog>();
        app.MapGalleryMetrics();
        app.MapHealthEndpoints();
        app.MapGalleryOpenApi();
        return app;
    }
}
