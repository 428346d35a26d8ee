using Gallery.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Access;
using Registry.Core.Data;

namespace Registry.Core.Tests.EcrPublic;

/// <summary>CreateRepository, DescribeRepositories (with paging), DeleteRepository, DescribeRegistries and the registry catalog.</summary>
public abstract class RepositoryOperationTests(RegistryFixture fixture) : EcrPublicTestBase(fixture)
{
    [Fact]
    public async Task Create_describe_and_delete_a_repository()
    {
        var name = NewName("nested") + "/app";
        var created = await Ecr.CallAsync("CreateRepository", new
        {
            repositoryName = name,
            catalogData = new { description = "A test", architectures = new[] { "x86-64" }, operatingSystems = new[] { "Linux" } },
            tags = new[] { new { Key = "team", Value = "a" } },
        });
        var repository = created.GetProperty("repository");
        var registryId = repository.GetProperty("registryId").GetString();
        Assert.Matches("^[0-9]{12}$", registryId);
        Assert.Equal($"arn:aws:ecr-public::{registryId}:repository/{name}", repository.GetProperty("repositoryArn").GetString());
        Assert.Equal($"{Fixture.Host.Authority}/{TestPublisher.Alias}/{name}", repository.GetProperty("repositoryUri").GetString());
        Assert.True(repository.GetProperty("createdAt").GetDouble() > 1.7e9);
        Assert.Equal("A test", created.GetProperty("catalogData").GetProperty("description").GetString());
        Assert.Equal(1, await EventCountAsync("repository.created", $"{TestPublisher.Alias}/{name}"));
        Assert.Equal($"{TestPublisher.Alias} via access key {TestPublisher.AccessKeyId}", await ActorOfAsync("repository.created", $"{TestPublisher.Alias}/{name}"));

        var described = await Ecr.CallAsync("DescribeRepositories", new { repositoryNames = new[] { name } });
        Assert.Equal(name, described.GetProperty("repositories")[0].GetProperty("repositoryName").GetString());
        var tags = await Ecr.CallAsync("ListTagsForResource", new { resourceArn = repository.GetProperty("repositoryArn").GetString() });
        Assert.Equal("team", tags.GetProperty("tags")[0].GetProperty("Key").GetString());

        var deleted = await Ecr.CallAsync("DeleteRepository", new { repositoryName = name });
        Assert.Equal(name, deleted.GetProperty("repository").GetProperty("repositoryName").GetString());
        Assert.Equal(1, await EventCountAsync("repository.deleted", $"{TestPublisher.Alias}/{name}"));
        await Ecr.FailAsync("DescribeRepositories", new { repositoryNames = new[] { name } }, "RepositoryNotFoundException");
        await Ecr.FailAsync("DeleteRepository", new { repositoryName = name }, "RepositoryNotFoundException");
    }

    [Fact]
    public async Task Creating_twice_is_refused_and_bad_names_name_the_field()
    {
        var name = await CreateRepositoryAsync();
        await Ecr.FailAsync("CreateRepository", new { repositoryName = name }, "RepositoryAlreadyExistsException");
        var upper = await Ecr.FailAsync("CreateRepository", new { repositoryName = "Bad_Name" }, "InvalidParameterException");
        Assert.StartsWith("1 validation error detected: Value 'Bad_Name' at 'repositoryName' failed to satisfy constraint: Member must satisfy regular expression pattern", upper);
        var shortName = await Ecr.FailAsync("CreateRepository", new { repositoryName = "x" }, "InvalidParameterException");
        Assert.Contains("Member must have length greater than or equal to 2", shortName);
        var missing = await Ecr.FailAsync("CreateRepository", new { }, "InvalidParameterException");
        Assert.Contains("Value null at 'repositoryName' failed to satisfy constraint: Member must not be null", missing);
        var tooLong = await Ecr.FailAsync("CreateRepository", new { repositoryName = new string('a', 206) }, "InvalidParameterException");
        Assert.Contains("less than or equal to 205", tooLong);
        var badCatalog = await Ecr.FailAsync("CreateRepository", new { repositoryName = NewName(), catalogData = new { description = new string('d', 1025) } }, "InvalidParameterException");
        Assert.Contains("'catalogData.description'", badCatalog);
    }

    [Fact]
    public async Task Describe_repositories_pages_with_opaque_tokens()
    {
        var (_, other, _) = await OtherPublisherAsync();
        var names = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var name = NewName("page");
            await other.CallAsync("CreateRepository", new { repositoryName = name });
            names.Add(name);
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await other.CallAsync("DescribeRepositories", new { maxResults = 2, nextToken = token });
            seen.AddRange(Strings(page.GetProperty("repositories"), "repositoryName"));
            token = page.TryGetProperty("nextToken", out var next) ? next.GetString() : null;
            pages++;
        }
        while (token is not null);

        Assert.Equal(3, pages);
        Assert.Equal(names.Order(StringComparer.Ordinal), seen);
        var all = await other.CallAsync("DescribeRepositories", new { });
        Assert.Equal(5, all.GetProperty("repositories").GetArrayLength());
        Assert.False(all.TryGetProperty("nextToken", out _));

        await other.FailAsync("DescribeRepositories", new { maxResults = 0 }, "InvalidParameterException");
        Assert.Contains("less than or equal to 1000", await other.FailAsync("DescribeRepositories", new { maxResults = 1001 }, "InvalidParameterException"));
        Assert.Contains("nextToken", await other.FailAsync("DescribeRepositories", new { nextToken = "not-a-token!" }, "InvalidParameterException"));
        var forged = Convert.ToBase64String("DescribeImages\n1"u8.ToArray()).TrimEnd('=');
        await other.FailAsync("DescribeRepositories", new { nextToken = forged }, "InvalidParameterException");
        await other.FailAsync("DescribeRepositories", new { repositoryNames = new[] { names[0] }, maxResults = 1 }, "InvalidParameterException");
    }

    [Fact]
    public async Task Listing_a_registry_id_that_names_no_registry_lists_nothing()
    {
        var listed = await Ecr.CallAsync("DescribeRepositories", new { registryId = "999999999999" });
        Assert.Empty(listed.GetProperty("repositories").EnumerateArray());
        await Ecr.FailAsync("DescribeRepositories", new { registryId = "999999999999", repositoryNames = new[] { "app" } }, "RepositoryNotFoundException");
    }

    [Fact]
    public async Task Delete_refuses_a_repository_with_images_unless_forced()
    {
        var name = await CreateRepositoryAsync();
        await PushAsync(name, Http.TestImage.Create());
        Assert.Contains("still contains images", await Ecr.FailAsync("DeleteRepository", new { repositoryName = name }, "RepositoryNotEmptyException"));
        await Ecr.CallAsync("DeleteRepository", new { repositoryName = name, force = true });
        await Ecr.FailAsync("DescribeImages", new { repositoryName = name }, "RepositoryNotFoundException");
    }

    [Fact]
    public async Task Describe_registries_and_registry_catalog_data()
    {
        var (caller, client, _) = await OtherPublisherAsync();
        var registries = await client.CallAsync("DescribeRegistries");
        var registry = registries.GetProperty("registries")[0];
        Assert.Equal(caller.RegistryId, registry.GetProperty("registryId").GetString());
        Assert.Equal($"arn:aws:ecr-public::{caller.RegistryId}:registry/{caller.RegistryId}", registry.GetProperty("registryArn").GetString());
        Assert.Equal($"{Fixture.Host.Authority}/{caller.Alias}", registry.GetProperty("registryUri").GetString());
        Assert.False(registry.GetProperty("verified").GetBoolean());
        var alias = registry.GetProperty("aliases")[0];
        Assert.Equal(caller.Alias, alias.GetProperty("name").GetString());
        Assert.Equal("ACTIVE", alias.GetProperty("status").GetString());
        Assert.True(alias.GetProperty("primaryRegistryAlias").GetBoolean());
        Assert.True(alias.GetProperty("defaultRegistryAlias").GetBoolean());
        Assert.Equal(1, registry.GetProperty("aliases").GetArrayLength());

        // The bootstrap publisher took a custom alias: its default one is listed beside it, still active.
        var aliases = (await Ecr.CallAsync("DescribeRegistries")).GetProperty("registries")[0].GetProperty("aliases").EnumerateArray().ToList();
        Assert.Equal(2, aliases.Count);
        Assert.Equal((Gallery.Testing.TestPublisher.Alias, true, false), (aliases[0].GetProperty("name").GetString(), aliases[0].GetProperty("primaryRegistryAlias").GetBoolean(), aliases[0].GetProperty("defaultRegistryAlias").GetBoolean()));
        Assert.Equal(("ACTIVE", false, true), (aliases[1].GetProperty("status").GetString(), aliases[1].GetProperty("primaryRegistryAlias").GetBoolean(), aliases[1].GetProperty("defaultRegistryAlias").GetBoolean()));
        Assert.NotEqual(Gallery.Testing.TestPublisher.Alias, aliases[1].GetProperty("name").GetString());

        var put = await client.CallAsync("PutRegistryCatalogData", new { displayName = "Renamed Publisher" });
        Assert.Equal("Renamed Publisher", put.GetProperty("registryCatalogData").GetProperty("displayName").GetString());
        var get = await client.CallAsync("GetRegistryCatalogData");
        Assert.Equal("Renamed Publisher", get.GetProperty("registryCatalogData").GetProperty("displayName").GetString());
        Assert.Contains("'displayName'", await client.FailAsync("PutRegistryCatalogData", new { displayName = new string('n', 101) }, "InvalidParameterException"));
    }

    [Fact]
    public async Task Get_authorization_token_is_basic_aws_credentials_for_twelve_hours()
    {
        var output = await Ecr.CallAsync("GetAuthorizationToken");
        var data = output.GetProperty("authorizationData");
        var decoded = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(data.GetProperty("authorizationToken").GetString()!));
        Assert.StartsWith("AWS:", decoded);
        var expires = DateTime.UnixEpoch.AddSeconds(data.GetProperty("expiresAt").GetDouble());
        Assert.InRange(expires, DateTime.UtcNow.AddHours(11.9), DateTime.UtcNow.AddHours(12.1));

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/token?service={Fixture.Host.Authority}&scope=repository:{TestPublisher.Alias}/x:push");
        request.Headers.Authorization = new("Basic", data.GetProperty("authorizationToken").GetString());
        using var token = await Fixture.Host.RawClient.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, token.StatusCode);
    }

    [Fact]
    public async Task Reserved_words_cannot_be_taken_as_aliases()
    {
        await using var scope = Fixture.Host.Services.CreateAsyncScope();
        var publishers = scope.ServiceProvider.GetRequiredService<PublisherService>();
        foreach (var alias in new[] { "v2", "api", "console", "search", "token" })
        {
            var error = await Assert.ThrowsAsync<PublisherException>(() =>
                publishers.CreateAsync(new PublisherService.NewPublisher($"squat-{Guid.NewGuid():N}", null, null, alias, null), CancellationToken.None));
            Assert.Contains("reserved", error.Message);
        }
    }

    private async Task<int> EventCountAsync(string type, string repository)
    {
        await using var scope = Fixture.Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Events.CountAsync(e => e.Type == type && e.Repository == repository);
    }

    private async Task<string?> ActorOfAsync(string type, string repository)
    {
        await using var scope = Fixture.Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Events.Where(e => e.Type == type && e.Repository == repository).Select(e => e.Actor).SingleAsync();
    }
}

public sealed class SqliteRepositoryOperationTests(SqliteRegistryFixture fixture) : RepositoryOperationTests(fixture), IClassFixture<SqliteRegistryFixture>;

public sealed class PostgresRepositoryOperationTests(PostgresRegistryFixture fixture) : RepositoryOperationTests(fixture), IClassFixture<PostgresRegistryFixture>;
