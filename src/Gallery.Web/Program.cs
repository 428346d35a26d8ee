using Gallery.Indexer;
using Gallery.Indexer.Search;
using Gallery.Indexer.Webhooks;
using Gallery.Web;
using Gallery.Web.Console;
using Gallery.Web.Errors;
using Registry.Core;

if (await RegistryCommands.TryRunAsync(args) is { } exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRegistryCore(builder.Configuration);
builder.Services.AddGalleryIndex(builder.Configuration);
builder.Services.AddGalleryWebhooks();
builder.AddGalleryWeb();
builder.AddGalleryConsole();

var app = builder.Build();
app.UseUnexpectedErrorPage();
app.MapRegistry();
app.MapSearchApi();
app.MapGalleryWeb();
app.MapGalleryConsole();
app.Run();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
