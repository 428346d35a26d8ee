using Gallery.Indexer.Indexing;
using Gallery.Indexer.Search;
using Gallery.Indexer.Webhooks;
using Gallery.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Registry.Core;
using Registry.Core.Data;

namespace Gallery.Indexer.Tests;

/// <summary>The registry with the gallery index (worker in-process), the webhook worker and /api/search, on Kestrel at a free port.</summary>
public sealed class IndexHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private IndexHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Client = new HttpClient(new RegistryTokenHandler(TestPublisher.Credentials)) { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    /// <summary>Signed in as the test publisher (alias <c>tests</c>), which may push.</summary>
    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public IGallerySearch Search => Services.GetRequiredService<IGallerySearch>();

    /// <summary>Fast polling and popularity refresh, so tests need not wait long for either.</summary>
    public static readonly IReadOnlyDictionary<string, string?> FastSettings = new Dictionary<string, string?>
    {
        ["Gallery:Index:PopularityInterval"] = "00:00:00.200",
        ["Gallery:Index:CommitInterval"] = "00:00:00.100",
    };

    public static async Task<IndexHost> StartAsync(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = database.DataPath });
        builder.Configuration.AddInMemoryCollection(database.Settings);
        builder.Configuration.AddInMemoryCollection(FastSettings);
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddRegistryCore(builder.Configuration);
        builder.Services.AddGalleryIndex(builder.Configuration);
        builder.Services.AddGalleryWebhooks();
        var app = builder.Build();
        app.MapRegistry();
        app.MapSearchApi();
        app.MapSuggestApi();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new IndexHost(app, new Uri(address + "/"));
    }

    /// <summary>Waits until the worker has applied every event committed so far.</summary>
    public async Task WaitForIndexAsync(TimeSpan? timeout = null)
    {
        long last;
        await using (var scope = Services.CreateAsyncScope())
        {
            last = await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Events.MaxAsync(e => (long?)e.Id) ?? 0;
        }

        var worker = Services.GetRequiredService<IndexerWorker>();
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (worker.Position < last)
        {
            await Task.Delay(10, cancellation.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
