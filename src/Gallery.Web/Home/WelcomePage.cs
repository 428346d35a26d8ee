using System.Net;

namespace Gallery.Web.Home;

/// <summary>The front page until the gallery UI lands: tells a newcomer the registry is up and how to push a first image.</summary>
public static class WelcomePage
{
    public static IEndpointRouteBuilder MapWelcomePage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext context) =>
        {
            var host = WebUtility.HtmlEncode(context.Request.Host.Value ?? "localhost:5000");
            return Results.Content(Html(host), "text/html; charset=utf-8");
        });
        return app;
    }

    private static string Html(string host) => $$"""
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Gallery — container registry</title>
        <meta name="description" content="A self-hosted public container registry and gallery.">
        <style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:3rem auto;padding:0 1rem;line-height:1.5}
        pre{background:#f3f4f6;padding:.75rem;border-radius:.4rem;overflow-x:auto}</style></head>
        <body><main>
        <h1>Gallery</h1>
        <p>The registry is running. Repositories are named <code>&lt;alias&gt;/&lt;name&gt;</code>. Push a first image:</p>
        <pre>skopeo copy --dest-tls-verify=false docker://docker.io/library/alpine:latest docker://{{host}}/demo/alpine:latest</pre>
        <pre>podman push --tls-verify=false localhost/myimage:latest {{host}}/demo/myimage:latest</pre>
        <p>Then pull it anonymously: <code>docker pull {{host}}/demo/alpine:latest</code>
        (Docker needs <code>{{host}}</code> listed under <code>insecure-registries</code> when served over plain HTTP).</p>
        </main></body></html>
        """;
}
