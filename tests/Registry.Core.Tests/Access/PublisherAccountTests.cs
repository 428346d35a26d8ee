using Gallery.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Access;
using Registry.Core.Data.Entities;

namespace Registry.Core.Tests.Access;

/// <summary>Creating publishers: the account fields' limits are refused with a message, and nothing is left behind.</summary>
public abstract class PublisherAccountTests(RegistryFixture fixture)
{
    [Theory]
    [InlineData(257, 40)]
    [InlineData(40, 257)]
    public async Task A_user_name_or_email_longer_than_the_columns_is_refused_and_creates_nothing(int userNameLength, int emailLength)
    {
        var userName = "u" + Guid.NewGuid().ToString("N") + new string('x', userNameLength - 33);
        var email = new string('e', emailLength - 12) + "@example.com";
        await using var scope = fixture.Host.Services.CreateAsyncScope();

        var refused = await Assert.ThrowsAsync<PublisherException>(() => scope.ServiceProvider.GetRequiredService<PublisherService>()
            .CreateAsync(new PublisherService.NewPublisher(userName, email, "a long enough password", null, null), CancellationToken.None));

        Assert.Equal("the user name and the email address are at most 256 characters", refused.Message);
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<Account>>().FindByNameAsync(userName));
    }

    [Fact]
    public async Task A_user_name_and_email_at_the_limit_are_stored()
    {
        var userName = "u" + Guid.NewGuid().ToString("N") + new string('x', 256 - 33);
        await using var scope = fixture.Host.Services.CreateAsyncScope();

        var caller = await scope.ServiceProvider.GetRequiredService<PublisherService>()
            .CreateAsync(new PublisherService.NewPublisher(userName, new string('e', 244) + "@example.com", "a long enough password", null, null), CancellationToken.None);

        Assert.Equal(userName, caller.UserName);
    }
}

public sealed class SqlitePublisherAccountTests(SqliteRegistryFixture fixture) : PublisherAccountTests(fixture), IClassFixture<SqliteRegistryFixture>;

public sealed class PostgresPublisherAccountTests(PostgresRegistryFixture fixture) : PublisherAccountTests(fixture), IClassFixture<PostgresRegistryFixture>;
