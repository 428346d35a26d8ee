using Gallery.Indexer;
using Gallery.Indexer.Search;
using Gallery.Indexer.Webhooks;
using Gallery.Web;
using Gallery.Web.Console;
using Gallery.Web.Errors;
using Gallery.Web.Operations;
using Registry.Core;
using Registry.Core.Settings;

if (await RegistryCommands.TryRunAsync(args) is { } exitCode)
{
    return exitCode;
}

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Services.AddRegistryCore(builder.Configuration);
    builder.Services.AddGalleryIndex(builder.Configuration);
    builder.Services.AddGalleryWebhooks();
    builder.AddGalleryWeb();
    builder.AddGalleryConsole();
    builder.AddGalleryOperations();

    var app = builder.Build();
    SettingsCheck.Validate(app.Services);
    if (await app.Services.StartupProblemAsync() is { } problem)
    {
        await Console.Error.WriteLineAsync($"Gallery cannot start: {problem}");
        return 1;
    }

    app.UseGalleryOperations();
    app.UseUnexpectedErrorPage();
    app.MapRegistry();
    app.MapSearchApi();
    app.MapSuggestApi();
    app.MapGalleryWeb();
    app.MapGalleryConsole();
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (SettingsCheck.Describe(e) is { } refused)
{
    await Console.Error.WriteLineAsync(refused);
    return 2;
}
