using System.Net;
using Gallery.Testing;
using Registry.Core.Tests.Http;

namespace Registry.Core.Tests.Access;

/// <summary>
/// Pull rate limits: a burst, then 429 TOOMANYREQUESTS with Retry-After; anonymous callers and accounts are counted
/// apart. The same rule in this process (SQLite) and in PostgreSQL (shared by every node).
/// </summary>
public abstract class PullRateLimitTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? _database;
    private RegistryHost? _host;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _host = await RegistryHost.StartAsync(_database, new Dictionary<string, string?>
        {
            ["Gallery:RateLimits:AnonymousPullsPerSecond"] = "0.01",
            ["Gallery:RateLimits:AnonymousBurst"] = "3",
            ["Gallery:RateLimits:AuthenticatedPullsPerSecond"] = "0.01",
            ["Gallery:RateLimits:AuthenticatedBurst"] = "5",
        });
    }

    [Fact]
    public async Task Pulls_beyond_the_burst_get_429_with_retry_after()
    {
        var api = new RegistryApi(_host!.Client);
        var name = RegistryApi.UniqueName();
        await api.PushImageAsync(name, TestImage.Create());

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var pull = await _host.AnonymousClient.GetAsync($"/v2/{name}/manifests/latest");
            statuses.Add(pull.StatusCode);
            if (pull.StatusCode == HttpStatusCode.TooManyRequests)
            {
                await RegistryApi.AssertErrorAsync(pull, HttpStatusCode.TooManyRequests, "TOOMANYREQUESTS");
                Assert.True(pull.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);

        using var signedIn = await _host.Client.GetAsync($"/v2/{name}/manifests/latest");
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        using var blobsAreNotPulls = await _host.AnonymousClient.GetAsync($"/v2/{name}/tags/list");
        Assert.Equal(HttpStatusCode.OK, blobsAreNotPulls.StatusCode);
    }

    public async Task DisposeAsync()
    {
        await _host!.DisposeAsync();
        await _database!.DisposeAsync();
    }
}

public sealed class SqlitePullRateLimitTests() : PullRateLimitTests(DatabaseProvider.Sqlite);

public sealed class PostgresPullRateLimitTests() : PullRateLimitTests(DatabaseProvider.Postgres);
