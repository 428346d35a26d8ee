using System.Net;
using System.Text.Json;
using Gallery.Testing;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Access;
using Registry.Core.Tests.Http;

namespace Registry.Core.Tests.Access;

/// <summary>
/// As on ECR Public, a registry's default alias keeps working beside its custom alias: pulls and pushes under either
/// name reach the same repository, and after a change of custom alias the previous custom names stop.
/// </summary>
public abstract class DefaultAliasTests(RegistryFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task Names_under_the_default_alias_pull_and_push_the_repositories_of_the_custom_alias()
    {
        var name = RegistryApi.UniqueName();
        var viaDefault = await DefaultAliasOfAsync(TestPublisher.Alias) + name[TestPublisher.Alias.Length..];
        var image = TestImage.Create();
        await Api.PushImageAsync(name, image);

        using (var pulled = await Fixture.Host.AnonymousClient.GetAsync($"/v2/{viaDefault}/manifests/latest"))
        {
            Assert.Equal(HttpStatusCode.OK, pulled.StatusCode);
            Assert.Equal(image.Digest, pulled.Headers.GetValues("Docker-Content-Digest").Single());
        }

        var second = TestImage.Create(architecture: "arm64");
        await new RegistryApi(Client).PushImageAsync(viaDefault, second, "2.0");
        using (var pushed = await Fixture.Host.AnonymousClient.GetAsync($"/v2/{name}/manifests/2.0"))
        {
            Assert.Equal(second.Digest, pushed.Headers.GetValues("Docker-Content-Digest").Single());
        }

        using var tags = JsonDocument.Parse(await Fixture.Host.AnonymousClient.GetStringAsync($"/v2/{viaDefault}/tags/list"));
        Assert.Equal(name, tags.RootElement.GetProperty("name").GetString());
        Assert.Equal(["2.0", "latest"], tags.RootElement.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Order());

        // An upload begun under the default name continues under the primary one, with the same token.
        using var started = await Client.PostAsync($"/v2/{viaDefault}/blobs/uploads/", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.StartsWith($"/v2/{name}/blobs/uploads/", started.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task After_a_change_of_custom_alias_the_default_and_the_new_alias_work_and_the_previous_one_does_not()
    {
        var first = "first-" + Guid.NewGuid().ToString("N")[..8];
        var created = await OtherPublishers.CreateAsync(Fixture.Host, $"user-{first}", first, createOnPush: true);
        var caller = created.Caller;
        using var publisher = new HttpClient(new RegistryTokenHandler(created.Credentials)) { BaseAddress = Fixture.Host.BaseAddress };
        var image = TestImage.Create();
        await new RegistryApi(publisher).PushImageAsync($"{caller.Alias}/app", image);
        var defaultAlias = await DefaultAliasOfAsync(caller.Alias);
        var renamed = "second-" + Guid.NewGuid().ToString("N")[..8];

        await using (var scope = Fixture.Host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RegistrySettingsService>().ChangeAliasAsync(caller.AccountId, renamed, CancellationToken.None);
        }

        foreach (var alias in new[] { renamed, defaultAlias })
        {
            using var pulled = await Fixture.Host.AnonymousClient.GetAsync($"/v2/{alias}/app/manifests/latest");
            Assert.Equal((HttpStatusCode.OK, image.Digest), (pulled.StatusCode, pulled.Headers.GetValues("Docker-Content-Digest").Single()));
        }

        using var previous = await Fixture.Host.AnonymousClient.GetAsync($"/v2/{caller.Alias}/app/manifests/latest");
        await RegistryApi.AssertErrorAsync(previous, HttpStatusCode.NotFound, "NAME_UNKNOWN");
    }

    [Fact]
    public async Task A_name_under_an_alias_nobody_has_is_unknown()
    {
        using var response = await Fixture.Host.AnonymousClient.GetAsync("/v2/z9z9z9z9/app/manifests/latest");

        await RegistryApi.AssertErrorAsync(response, HttpStatusCode.NotFound, "NAME_UNKNOWN");
    }

    private async Task<string> DefaultAliasOfAsync(string alias)
    {
        await using var scope = Fixture.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Registry.Core.Data.RegistryDbContext>();
        var registry = db.Registries.Single(r => r.Alias == alias);
        Assert.NotEqual(registry.Alias, registry.DefaultAlias);
        return registry.DefaultAlias;
    }
}

public sealed class SqliteDefaultAliasTests(SqliteRegistryFixture fixture) : DefaultAliasTests(fixture), IClassFixture<SqliteRegistryFixture>;

public sealed class PostgresDefaultAliasTests(PostgresRegistryFixture fixture) : DefaultAliasTests(fixture), IClassFixture<PostgresRegistryFixture>;
