using System.Security.Claims;
using Gallery.Web.Components.Pages.NotFound;
using Bunit.TestDoubles;
using Gallery.Web.Console;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Registry.Core;
using Registry.Core.Access;
using Registry.Core.Data;
using Registry.Core.Data.Entities;
using Registry.Core.Repositories.Management;

namespace Gallery.Web.Tests.Console;

/// <summary>
/// Console components against the real Registry.Core services on a throwaway SQLite database (the rules and their
/// messages are Core's, so the tests use them rather than fakes), signed in as a publisher of our choosing.
/// </summary>
public abstract class ConsoleTestContext : GalleryTestContext, IAsyncLifetime
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "gallery-console-tests", Guid.NewGuid().ToString("N"));

    protected ConsoleTestContext()
        : this(_ => { })
    {
    }

    /// <param name="configureServices">More services or options, added before anything is resolved.</param>
    protected ConsoleTestContext(Action<IServiceCollection> configureServices)
    {
        Directory.CreateDirectory(_dataPath);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Gallery:DataPath"] = _dataPath }).Build();
        Services.AddRegistryCore(configuration);
        Services.AddScoped<ConsoleSession>();
        Services.AddScoped<NotFoundMessage>();
        configureServices(Services);
        Authorization = AddAuthorization();
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    protected BunitAuthorizationContext Authorization { get; }

    public async Task InitializeAsync()
    {
        await using var scope = Services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Database.EnsureCreatedAsync();
    }

    Task IAsyncLifetime.DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataPath, recursive: true);
        }
        catch (IOException)
        {
        }

        return Task.CompletedTask;
    }

    protected async Task<Caller> CreatePublisherAsync(string alias, bool administrator = false) =>
        await RunAsync<PublisherService, Caller>(p => p.CreateAsync(
            new PublisherService.NewPublisher("user-" + alias, null, "Password-123", alias, null, administrator), CancellationToken.None));

    /// <summary>Signs in as the cookie would: the account id and the security stamp it had at sign-in.</summary>
    protected async Task SignInAsync(Caller caller)
    {
        var stamp = await RunAsync<UserManager<Account>, string>(async users => await users.GetSecurityStampAsync((await users.FindByIdAsync(caller.AccountId))!));
        Authorization.SetAuthorized("user-" + caller.Alias);
        Authorization.SetClaims(
            new Claim(ClaimTypes.NameIdentifier, caller.AccountId),
            new Claim(Services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType, stamp));
    }

    protected async Task CreateRepositoryAsync(Caller caller, string name) =>
        await RunAsync<RepositoryManagementService, Registry.Core.Data.Entities.Repository>(m => m.CreateAsync(caller.RegistryKey, name, null, [], CancellationToken.None));

    protected async Task<TResult> RunAsync<TService, TResult>(Func<TService, Task<TResult>> operation) where TService : notnull
    {
        await using var scope = Services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        return await operation(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
