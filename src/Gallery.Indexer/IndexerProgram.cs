using Gallery.Indexer.Indexing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Registry.Core;
using Registry.Core.Settings;

namespace Gallery.Indexer;

/// <summary>
/// The indexer on its own: <c>dotnet run --project src/Gallery.Indexer</c> follows the events into the index
/// directory that web processes (with <c>Gallery:Index:Worker=false</c>) read; <c>... -- reindex</c> rebuilds the
/// index from the database and exits. Same configuration as the web app (appsettings.json, environment variables).
/// </summary>
public static class IndexerProgram
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            return await RunAsync(args);
        }
        catch (Exception e) when (SettingsCheck.Describe(e) is { } refused)
        {
            await Console.Error.WriteLineAsync(refused);
            return 2;
        }
    }

    private static async Task<int> RunAsync(string[] args)
    {
        var reindex = args.Length > 0 && args[0] == "reindex";
        var builder = Host.CreateApplicationBuilder(reindex ? args[1..] : args);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [$"{IndexOptions.SectionName}:Worker"] = "true" });
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        // Only what following the outbox needs: the web app applies the migrations, and its nodes prune the outbox.
        builder.Services.AddRegistryData(builder.Configuration);
        if (!reindex)
        {
            builder.Services.AddOutboxNotifications();
            builder.Services.AddGalleryIndex(builder.Configuration);
            using var worker = builder.Build();
            SettingsCheck.Validate(worker.Services);
            await worker.RunAsync();
            return 0;
        }

        builder.Services.AddGalleryReindex(builder.Configuration);
        using var host = builder.Build();
        SettingsCheck.Validate(host.Services);
        await host.StartAsync();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Reindexer>().RunAsync(CancellationToken.None);
        }

        await host.StopAsync();
        return 0;
    }
}
