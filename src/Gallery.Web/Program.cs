using Gallery.Web.Home;
using Registry.Core;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRegistryCore(builder.Configuration);

var app = builder.Build();
app.MapRegistry();
app.MapWelcomePage();
app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
