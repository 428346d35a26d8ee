using Microsoft.AspNetCore.Diagnostics;

namespace Gallery.Web.Errors;

/// <summary>
/// The last safety net: an exception nothing else handled (the pages catch their own read failures) is logged and
/// answered with a short 500 page, or problem JSON for a client that does not ask for HTML, never an empty body or
/// a stack trace.
/// </summary>
public static class UnexpectedErrors
{
    public const string Page = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Something went wrong · Gallery</title><link rel="stylesheet" href="/assets/gallery.css" /></head>
        <body><main class="gallery-main"><section class="state"><h1>Something went wrong</h1>
        <p>The gallery could not show this page. Try again in a moment, or go back to the <a href="/">home page</a>.</p>
        </section></main></body></html>
        """;

    public static WebApplication UseUnexpectedErrorPage(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = WriteAsync });
        return app;
    }

    private static Task WriteAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        if (context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            return context.Response.WriteAsync(Page);
        }

        return Results.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Something went wrong").ExecuteAsync(context);
    }
}
