using Registry.Core.Settings;
using Microsoft.AspNetCore.Identity;
using Registry.Core.Data.Entities;

namespace Gallery.Web.Console;

/// <summary>
/// The publisher console: cookie sign-in on the Identity accounts of Registry.Core, interactive server components
/// for the pages under <c>/console</c>, and the sign-in, sign-up and sign-out form endpoints.
/// </summary>
public static class ConsoleExtensions
{
    public const string SignInPath = "/console/signin";

    public static WebApplicationBuilder AddGalleryConsole(this WebApplicationBuilder builder)
    {
        // An input event carries a whole field: About or Usage at their 25,600-character limit are up to ~77 KB of
        // UTF-8 (more with JSON escapes), past SignalR's 32 KB default, which would drop the circuit mid-edit.
        builder.Services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = 1024 * 1024);
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "gallery.console";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.LoginPath = SignInPath;
            cookie.AccessDeniedPath = SignInPath;
            cookie.ExpireTimeSpan = TimeSpan.FromDays(14);
            cookie.SlidingExpiration = true;
        });
        builder.Services.AddIdentityCore<Account>().AddSignInManager();
        // A password change (a new security stamp) signs the account's other browsers out within a minute.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        builder.Services.AddAuthorization();
        builder.Services.AddScoped<ConsoleSession>();
        builder.Services.AddCheckedOptions<ConsoleOptions>(builder.Configuration, ConsoleOptions.Section, ConsoleOptions.Check);
        builder.Services.AddAccountPostRateLimit();
        return builder;
    }

    public static WebApplication MapGalleryConsole(this WebApplication app)
    {
        app.UseRateLimiter();
        app.MapAccountEndpoints();
        return app;
    }
}
