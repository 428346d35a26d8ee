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
        <p>The registry is running. Anyone may pull; pushing needs a publisher. Repositories are named
        <code>&lt;alias&gt;/&lt;name&gt;</code>.</p>
        <h2>Push a first image</h2>
        <p>Start the server with a bootstrap publisher (any alias and key you like):</p>
        <pre>Gallery__Bootstrap__Alias=demo Gallery__Bootstrap__AccessKeyId=GKDEMO0000000000001 \
        Gallery__Bootstrap__SecretAccessKey=change-me-to-a-long-secret Gallery__Bootstrap__CreateOnPush=true \
        dotnet run --project src/Gallery.Web</pre>
        <p>then push with that key:</p>
        <pre>skopeo copy --dest-tls-verify=false --dest-creds GKDEMO0000000000001:change-me-to-a-long-secret \
          docker://docker.io/library/alpine:latest docker://{{host}}/demo/alpine:latest</pre>
        <p>and pull it anonymously: <code>podman pull --tls-verify=false {{host}}/demo/alpine:latest</code>.
        The AWS CLI works too: <code>aws ecr-public create-repository --repository-name hello --endpoint-url http://{{host}}</code>.</p>
        </main></body></html>
        """;
}
