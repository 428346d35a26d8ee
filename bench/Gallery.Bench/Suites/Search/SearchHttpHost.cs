using Gallery.Indexer.Search;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gallery.Bench.Suites.Search;

/// <summary>
/// The peer behind HTTP on 127.0.0.1, in this process: its answer (<see cref="PostgresFullTextSearch"/>) as JSON at
/// <c>/peer/search</c>, so its latency and answer size are measured the way a browser meets them, with the client
/// that times our server's <c>/api/search</c>.
/// </summary>
public sealed class SearchHttpHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SearchHttpHost(WebApplication app, Uri address)
    {
        _app = app;
        Client = new HttpClient { BaseAddress = address };
    }

    public HttpClient Client { get; }

    public static async Task<SearchHttpHost> StartAsync(PostgresFullTextSearch peer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/peer/search", async (HttpRequest http, CancellationToken cancellationToken) =>
        {
            var query = http.Query;
            return TypedResults.Ok(await peer.SearchAsync(new SearchRequest
            {
                Text = query["searchTerm"],
                Architectures = query["architecture"].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToArray(),
                OperatingSystems = query["operatingSystems"].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToArray(),
                Sort = query["sort"] == "popularity" ? SearchSort.Popularity : SearchSort.Relevance,
            }, cancellationToken));
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SearchHttpHost(app, new Uri(address + "/"));
    }

    /// <summary>The query string both engines read for <paramref name="request"/>.</summary>
    public static string QueryString(SearchRequest request)
    {
        var parts = new List<string> { $"searchTerm={Uri.EscapeDataString(request.Text ?? "")}" };
        parts.AddRange(request.Architectures.Select(a => $"architecture={Uri.EscapeDataString(a)}"));
        parts.AddRange(request.OperatingSystems.Select(o => $"operatingSystems={Uri.EscapeDataString(o)}"));
        if (request.Verified is { } verified)
        {
            parts.Add($"verified={(verified ? "true" : "false")}");
        }

        if (request.Sort == SearchSort.Popularity)
        {
            parts.Add("sort=popularity");
        }

        return string.Join('&', parts);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
