using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Data;

namespace Registry.Core.Storage;

/// <summary><c>gc [--dry-run]</c>: one <see cref="BlobGarbageCollector"/> run on the configured data directory and database.</summary>
internal static class GarbageCollectCommand
{
    public const string Name = "gc";
    public const string DryRunOption = "--dry-run";

    public const string Usage = """
        gc [--dry-run] [configuration arguments]
          Deletes blobs that no repository, manifest or logo uses any more, and the database rows of unlinked blobs.
          Stop the server (or stop pushes) first. --dry-run lists what would be deleted and deletes nothing.
        """;

    /// <returns>0 when done; 1 when the configuration, the database or the storage stopped it.</returns>
    public static async Task<int> RunAsync(WebApplicationBuilder builder, bool dryRun, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var options = builder.Configuration.GetSection(RegistryOptions.SectionName).Get<RegistryOptions>() ?? new RegistryOptions();
        if (options.Storage.Provider == StorageProvider.FileSystem && !Directory.Exists(options.ResolvedDataPath))
        {
            await error.WriteLineAsync($"gc: the data directory {options.ResolvedDataPath} does not exist (Gallery:DataPath); nothing to collect.");
            return 1;
        }

        try
        {
            builder.Services.AddRegistryCore(builder.Configuration);
            await using var services = builder.Services.BuildServiceProvider();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            if (await DatabaseReadiness.ProblemAsync(db, cancellationToken) is { } problem)
            {
                await error.WriteLineAsync($"gc: {problem}. Nothing was deleted.");
                return 1;
            }

            if (await services.StartupProblemAsync(cancellationToken) is { } storageProblem)
            {
                await error.WriteLineAsync($"gc: {storageProblem}. Nothing was deleted.");
                return 1;
            }

            var storage = options.Storage.Provider == StorageProvider.S3 ? $"bucket {options.Storage.S3.Bucket}" : $"data directory {options.ResolvedDataPath}";
            await output.WriteLineAsync($"gc: {storage}, database {options.Database.Provider}{(dryRun ? ", dry run" : "")}");
            var result = await scope.ServiceProvider.GetRequiredService<BlobGarbageCollector>().RunAsync(dryRun, output, cancellationToken);
            foreach (var line in result.SummaryLines())
            {
                await output.WriteLineAsync(line);
            }

            return 0;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("gc: cancelled; what was deleted so far stays deleted, the rest is untouched. Run it again to finish.");
            return 1;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or BlobStoreUnavailableException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            await error.WriteLineAsync($"gc: failed: {e.Message}");
            return 1;
        }
    }
}
