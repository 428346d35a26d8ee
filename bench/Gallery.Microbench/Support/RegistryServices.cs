using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Registry.Core;

namespace Gallery.Microbench.Support;

/// <summary>
/// Registry.Core's services as the server builds them (AddRegistryCore), on a SQLite database in a temp directory,
/// started so the migrations run and a bootstrap publisher with a known access key exists. No HTTP: the benchmarks
/// resolve the services they measure. Token signing keys and access keys live in the database, so this is how the
/// token and SigV4 benchmarks get them.
/// </summary>
public sealed class RegistryServices : IAsyncDisposable
{
    public const string Alias = "bench";
    public const string AccessKeyId = "GKBENCHPUBLISHER0001";
    public const string SecretAccessKey = "bench-publisher-secret-0123456789abcdefgh";

    private readonly IHost _host;
    private readonly string _dataPath;

    private RegistryServices(IHost host, string dataPath)
    {
        _host = host;
        _dataPath = dataPath;
    }

    public IServiceProvider Services => _host.Services;

    public static async Task<RegistryServices> StartAsync()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "gallery-microbench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataPath);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = dataPath });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gallery:DataPath"] = dataPath,
            ["Gallery:Database:Provider"] = "Sqlite",
            ["Gallery:Bootstrap:Alias"] = Alias,
            ["Gallery:Bootstrap:AccessKeyId"] = AccessKeyId,
            ["Gallery:Bootstrap:SecretAccessKey"] = SecretAccessKey,
            ["Gallery:Bootstrap:CreateOnPush"] = "true",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddRegistryCore(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        return new RegistryServices(host, dataPath);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        try
        {
            Directory.Delete(_dataPath, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp directory is cleaned by the OS.
        }
    }
}
