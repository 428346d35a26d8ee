using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Registry.Core.Data;
using Registry.Core.Data.Entities;

namespace Registry.Core.Access;

/// <summary>
/// Creates, idempotently and before requests are served, what configuration asks for: the first administrator, and
/// a publisher with a given alias and access key (for automation, demos and tests). Runs after the migrator, one node
/// at a time.
/// </summary>
internal sealed class ConfigurationBootstrapper(
    IServiceScopeFactory scopes,
    IOptions<BootstrapOptions> bootstrap,
    IOptions<AdministratorOptions> administrator,
    ILogger<ConfigurationBootstrapper> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await using var turn = await StartupTurn.TakeAsync(services.GetRequiredService<RegistryDbContext>(), cancellationToken);
        if (administrator.Value is { UserName: { Length: > 0 } userName, Password: { Length: > 0 } password }
            && await services.GetRequiredService<UserManager<Account>>().FindByNameAsync(userName) is null)
        {
            await services.GetRequiredService<PublisherService>().CreateAsync(
                new PublisherService.NewPublisher(userName, null, password, null, "Administrator", IsAdministrator: true), cancellationToken);
            logger.LogInformation("Created administrator {UserName}", userName);
        }

        if (bootstrap.Value.Alias is { Length: > 0 })
        {
            await BootstrapPublisherAsync(services, bootstrap.Value, cancellationToken);
        }
    }

    private async Task BootstrapPublisherAsync(IServiceProvider services, BootstrapOptions options, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<RegistryDbContext>();
        var alias = options.Alias!;
        var registry = await db.Registries.FirstOrDefaultAsync(r => r.Alias == alias, cancellationToken);
        if (registry is null)
        {
            await services.GetRequiredService<PublisherService>().CreateAsync(
                new PublisherService.NewPublisher(alias, null, null, alias, options.DisplayName), cancellationToken);
            registry = await db.Registries.FirstAsync(r => r.Alias == alias, cancellationToken);
            logger.LogInformation("Created bootstrap publisher {Alias}", alias);
        }

        registry.CreateOnPush = options.CreateOnPush;
        registry.Verified = options.Verified;
        registry.DisplayName = options.DisplayName ?? registry.DisplayName;
        await db.SaveChangesAsync(cancellationToken);

        if (options is { AccessKeyId: { Length: > 0 } keyId, SecretAccessKey: { Length: > 0 } secret } && registry.OwnerId is { } ownerId)
        {
            var existing = await db.AccessKeys.FirstOrDefaultAsync(k => k.Id == keyId, cancellationToken);
            if (existing is null)
            {
                await services.GetRequiredService<AccessKeyService>().CreateAsync(ownerId, "bootstrap", cancellationToken, keyId, secret);
            }
            else if (existing.AccountId == ownerId)
            {
                existing.ProtectedSecret = services.GetRequiredService<IDataProtectionProvider>().CreateProtector(AccessKeyService.Purpose).Protect(secret);
                existing.RevokedAt = null;
                await db.SaveChangesAsync(cancellationToken);
            }
            else
            {
                logger.LogError("Bootstrap access key {AccessKeyId} belongs to another publisher; not changed", keyId);
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
