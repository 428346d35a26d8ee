using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Registry.Core.Storage;

namespace Registry.Core;

/// <summary>
/// The registry's maintenance commands, run by the host executable instead of the server:
/// <c>dotnet Gallery.Web.dll gc [--dry-run]</c>. They read the server's configuration the same way (appsettings.json,
/// environment variables, the remaining command-line arguments) and never migrate the database.
/// </summary>
public static class RegistryCommands
{
    /// <summary>Runs the command <paramref name="args"/> name and returns its exit code; null when they name none (start the server).</summary>
    public static async Task<int?> TryRunAsync(string[] args)
    {
        if (args is not [GarbageCollectCommand.Name, .. var rest])
        {
            return null;
        }

        var dryRun = rest.Contains(GarbageCollectCommand.DryRunOption);
        if (rest.Contains("--help") || rest.Contains("-h"))
        {
            await Console.Out.WriteLineAsync(GarbageCollectCommand.Usage);
            return 0;
        }

        var builder = WebApplication.CreateBuilder(rest.Where(a => a != GarbageCollectCommand.DryRunOption).ToArray());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        return await GarbageCollectCommand.RunAsync(builder, dryRun, Console.Out, Console.Error, cancel.Token);
    }
}
