using Gallery.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Access;
using Registry.Core.Data;

namespace Registry.Core.Tests.Access;

/// <summary>A key's last use: written when it is used, at most once per <see cref="AccessKeyService.LastUsedResolution"/>, listed for its owner.</summary>
public abstract class AccessKeyUseTests(RegistryFixture fixture)
{
    [Fact]
    public async Task A_key_is_never_used_until_it_is_and_a_use_soon_after_writes_nothing()
    {
        var publisher = await OtherPublishers.CreateAsync(fixture.Host, "keyuse-" + Guid.NewGuid().ToString("N")[..12]);
        Assert.Null(await LastUsedAsync(publisher.Caller.AccountId));

        var before = DateTime.UtcNow;
        Assert.NotNull(await FindActiveAsync(publisher.AccessKeyId));
        var first = await LastUsedAsync(publisher.Caller.AccountId);
        Assert.NotNull(first);
        Assert.InRange(first.Value, before.AddSeconds(-1), DateTime.UtcNow.AddSeconds(1));

        Assert.NotNull(await FindActiveAsync(publisher.AccessKeyId));
        Assert.Equal(first, await LastUsedAsync(publisher.Caller.AccountId));

        // A use written longer ago than the resolution is written again.
        var old = DateTime.UtcNow - AccessKeyService.LastUsedResolution - TimeSpan.FromMinutes(1);
        await using (var scope = fixture.Host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().AccessKeys.Where(k => k.Id == publisher.AccessKeyId)
                .ExecuteUpdateAsync(k => k.SetProperty(x => x.LastUsedAt, old));
        }

        Assert.NotNull(await FindActiveAsync(publisher.AccessKeyId));
        Assert.True(await LastUsedAsync(publisher.Caller.AccountId) > first);
    }

    private async Task<AccessKeyService.ActiveKey?> FindActiveAsync(string accessKeyId)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccessKeyService>().FindActiveAsync(accessKeyId, CancellationToken.None);
    }

    private async Task<DateTime?> LastUsedAsync(string accountId)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<AccessKeyService>().ListAsync(accountId, CancellationToken.None);
        return Assert.Single(keys).LastUsedAt;
    }
}

public sealed class SqliteAccessKeyUseTests(SqliteRegistryFixture fixture) : AccessKeyUseTests(fixture), IClassFixture<SqliteRegistryFixture>;

public sealed class PostgresAccessKeyUseTests(PostgresRegistryFixture fixture) : AccessKeyUseTests(fixture), IClassFixture<PostgresRegistryFixture>;
