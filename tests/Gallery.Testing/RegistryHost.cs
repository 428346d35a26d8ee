using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Registry.Core;

namespace Gallery.Testing;

/// <summary>Registry.Core alone (AddRegistryCore + MapRegistry) on Kestrel at 127.0.0.1 on a free port.</summary>
public sealed class RegistryHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RegistryHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Client = new HttpClient(new RegistryTokenHandler(TestPublisher.Credentials)) { BaseAddress = baseAddress };
        AnonymousClient = new HttpClient(new RegistryTokenHandler(null)) { BaseAddress = baseAddress };
        RawClient = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    /// <summary>Signed in as the test publisher: gets tokens for every /v2/ request it makes.</summary>
    public HttpClient Client { get; }

    /// <summary>Gets anonymous tokens, as an anonymous docker pull does.</summary>
    public HttpClient AnonymousClient { get; }

    /// <summary>Sends exactly what the test builds: no token dance.</summary>
    public HttpClient RawClient { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary><c>host:port</c>, as image references name the registry.</summary>
    public string Authority => BaseAddress.Authority;

    public static async Task<RegistryHost> StartAsync(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = database.DataPath });
        builder.Configuration.AddInMemoryCollection(database.Settings);
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddRegistryCore(builder.Configuration);
        var app = builder.Build();
        app.MapRegistry();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RegistryHost(app, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        AnonymousClient.Dispose();
        RawClient.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
