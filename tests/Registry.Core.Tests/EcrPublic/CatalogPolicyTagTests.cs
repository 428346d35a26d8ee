using System.Net;
using Gallery.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Data;

namespace Registry.Core.Tests.EcrPublic;

/// <summary>Repository catalog data (with logos), repository policies and resource tags.</summary>
public abstract class CatalogPolicyTagTests(RegistryFixture fixture) : EcrPublicTestBase(fixture)
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    [Fact]
    public async Task Catalog_data_is_validated_stored_and_announced()
    {
        var name = await CreateRepositoryAsync();
        var put = await Ecr.CallAsync("PutRepositoryCatalogData", new
        {
            repositoryName = name,
            catalogData = new { description = "Short", aboutText = "# About", usageText = "docker pull", architectures = new[] { "ARM 64", "x86-64" }, operatingSystems = new[] { "Linux" }, logoImageBlob = Png },
        });
        var data = put.GetProperty("catalogData");
        Assert.Equal("Short", data.GetProperty("description").GetString());
        Assert.Equal(["ARM 64", "x86-64"], data.GetProperty("architectures").EnumerateArray().Select(a => a.GetString()));
        var logoUrl = data.GetProperty("logoUrl").GetString()!;
        using var logo = await Fixture.Host.RawClient.GetAsync(logoUrl);
        Assert.Equal(HttpStatusCode.OK, logo.StatusCode);
        Assert.Equal("image/png", logo.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", logo.Headers.CacheControl?.ToString());
        Assert.Equal(Png, await logo.Content.ReadAsByteArrayAsync());

        var partial = await Ecr.CallAsync("PutRepositoryCatalogData", new { repositoryName = name, catalogData = new { description = "Changed" } });
        Assert.Equal("# About", partial.GetProperty("catalogData").GetProperty("aboutText").GetString());
        var get = await Ecr.CallAsync("GetRepositoryCatalogData", new { repositoryName = name });
        Assert.Equal("Changed", get.GetProperty("catalogData").GetProperty("description").GetString());
        Assert.False(get.GetProperty("catalogData").TryGetProperty("marketplaceCertified", out _));

        await using var scope = Fixture.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        Assert.Equal(2, await db.Events.CountAsync(e => e.Type == "catalog.updated" && e.Repository == $"{TestPublisher.Alias}/{name}"));
    }

    [Fact]
    public async Task A_repository_without_catalog_data_answers_an_empty_catalog()
    {
        var name = NewName();
        var created = await Ecr.CallAsync("CreateRepository", new { repositoryName = name });
        Assert.Empty(created.GetProperty("catalogData").EnumerateObject());
        var get = await Ecr.CallAsync("GetRepositoryCatalogData", new { repositoryName = name });
        Assert.Empty(get.GetProperty("catalogData").EnumerateObject());
    }

    [Fact]
    public async Task Catalog_limits_are_enforced()
    {
        var name = await CreateRepositoryAsync();
        async Task<string> Fails(object catalogData) =>
            await Ecr.FailAsync("PutRepositoryCatalogData", new { repositoryName = name, catalogData }, "InvalidParameterException");

        Assert.Contains("'catalogData.description'", await Fails(new { description = new string('d', 1025) }));
        Assert.Contains("'catalogData.aboutText'", await Fails(new { aboutText = new string('a', 25601) }));
        Assert.Contains("'catalogData.usageText'", await Fails(new { usageText = new string('u', 25601) }));
        Assert.Contains("'catalogData.architectures'", await Fails(new { architectures = Enumerable.Range(0, 51).Select(i => $"a{i}").ToArray() }));
        Assert.Contains("catalogData.operatingSystems", await Fails(new { operatingSystems = new[] { new string('o', 51) } }));
        Assert.Contains("PNG or JPEG", await Fails(new { logoImageBlob = "GIF89a-not-an-image"u8.ToArray() }));
        Assert.Contains("'catalogData.logoImageBlob'", await Fails(new { logoImageBlob = new byte[512001] }));
        await Ecr.FailAsync("PutRepositoryCatalogData", new { repositoryName = name }, "InvalidParameterException");
        await Ecr.FailAsync("GetRepositoryCatalogData", new { repositoryName = NewName() }, "RepositoryNotFoundException");
        await Ecr.FailAsync("GetRepositoryCatalogData", new { registryId = "12345", repositoryName = name }, "InvalidParameterException");
    }

    [Fact]
    public async Task Repository_policies_are_parsed_kept_and_removed()
    {
        var name = await CreateRepositoryAsync();
        await Ecr.FailAsync("GetRepositoryPolicy", new { repositoryName = name }, "RepositoryPolicyNotFoundException");
        const string policy = """{"Version":"2012-10-17","Statement":[{"Sid":"push","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":["ecr-public:PutImage"]}]}""";
        var set = await Ecr.CallAsync("SetRepositoryPolicy", new { repositoryName = name, policyText = policy });
        Assert.Equal(policy, set.GetProperty("policyText").GetString());
        Assert.Equal(name, set.GetProperty("repositoryName").GetString());
        Assert.Equal(policy, (await Ecr.CallAsync("GetRepositoryPolicy", new { repositoryName = name })).GetProperty("policyText").GetString());

        await Ecr.FailAsync("SetRepositoryPolicy", new { repositoryName = name, policyText = "not json" }, "InvalidParameterException");
        await Ecr.FailAsync("SetRepositoryPolicy", new { repositoryName = name, policyText = policy.Replace("ecr-public:PutImage", "ecr-public:Launch") }, "InvalidParameterException");
        await Ecr.FailAsync("SetRepositoryPolicy", new { repositoryName = name, policyText = new string(' ', 10241) }, "InvalidParameterException");
        Assert.Equal(policy, (await Ecr.CallAsync("GetRepositoryPolicy", new { repositoryName = name })).GetProperty("policyText").GetString());

        Assert.Equal(policy, (await Ecr.CallAsync("DeleteRepositoryPolicy", new { repositoryName = name })).GetProperty("policyText").GetString());
        await Ecr.FailAsync("DeleteRepositoryPolicy", new { repositoryName = name }, "RepositoryPolicyNotFoundException");
    }

    [Fact]
    public async Task Resource_tags_follow_ecr_limits()
    {
        var name = await CreateRepositoryAsync();
        var registryId = (await Ecr.CallAsync("DescribeRepositories", new { repositoryNames = new[] { name } })).GetProperty("repositories")[0].GetProperty("registryId").GetString();
        var arn = $"arn:aws:ecr-public::{registryId}:repository/{name}";
        await Ecr.CallAsync("TagResource", new { resourceArn = arn, tags = new[] { new { Key = "team", Value = "a" }, new { Key = "empty", Value = "" } } });
        await Ecr.CallAsync("TagResource", new { resourceArn = arn, tags = new[] { new { Key = "team", Value = "b" } } });
        var listed = await Ecr.CallAsync("ListTagsForResource", new { resourceArn = arn });
        Assert.Equal(["empty", "team"], Strings(listed.GetProperty("tags"), "Key"));
        Assert.Equal("b", listed.GetProperty("tags")[1].GetProperty("Value").GetString());

        await Ecr.CallAsync("UntagResource", new { resourceArn = arn, tagKeys = new[] { "empty" } });
        Assert.Equal(["team"], Strings((await Ecr.CallAsync("ListTagsForResource", new { resourceArn = arn })).GetProperty("tags"), "Key"));

        var many = Enumerable.Range(0, 50).Select(i => new { Key = $"k{i}", Value = "v" }).ToArray();
        await Ecr.FailAsync("TagResource", new { resourceArn = arn, tags = many }, "TooManyTagsException");
        await Ecr.FailAsync("TagResource", new { resourceArn = arn, tags = new[] { new { Key = "aws:owner", Value = "x" } } }, "InvalidTagParameterException");
        await Ecr.FailAsync("TagResource", new { resourceArn = arn, tags = new[] { new { Key = new string('k', 129), Value = "x" } } }, "InvalidParameterException");
        await Ecr.FailAsync("TagResource", new { resourceArn = "arn:aws:s3:::bucket", tags = new[] { new { Key = "k", Value = "v" } } }, "InvalidParameterException");
        await Ecr.FailAsync("ListTagsForResource", new { resourceArn = $"arn:aws:ecr-public::{registryId}:repository/{NewName()}" }, "RepositoryNotFoundException");
        Assert.Single((await Ecr.CallAsync("ListTagsForResource", new { resourceArn = arn })).GetProperty("tags").EnumerateArray());
    }

    [Fact]
    public async Task A_policy_that_would_lock_the_owner_out_needs_force()
    {
        var name = await CreateRepositoryAsync();
        const string lockout = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"ecr-public:*"}]}""";
        var message = await Ecr.FailAsync("SetRepositoryPolicy", new { repositoryName = name, policyText = lockout }, "InvalidParameterException");
        Assert.Contains("force", message);
        await Ecr.FailAsync("GetRepositoryPolicy", new { repositoryName = name }, "RepositoryPolicyNotFoundException");

        await Ecr.CallAsync("SetRepositoryPolicy", new { repositoryName = name, policyText = lockout, force = true });
        await Ecr.FailAsync("GetRepositoryPolicy", new { repositoryName = name }, "AccessDeniedException");
    }
}

public sealed class SqliteCatalogPolicyTagTests(SqliteRegistryFixture fixture) : CatalogPolicyTagTests(fixture), IClassFixture<SqliteRegistryFixture>;

public sealed class PostgresCatalogPolicyTagTests(PostgresRegistryFixture fixture) : CatalogPolicyTagTests(fixture), IClassFixture<PostgresRegistryFixture>;
