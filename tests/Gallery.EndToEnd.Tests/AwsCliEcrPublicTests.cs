using System.Text.Json;
using Gallery.Testing;
using Gallery.Testing.OciLayouts;

namespace Gallery.EndToEnd.Tests;

/// <summary>The real <c>aws ecr-public</c> CLI against the running server: the management API as AWS users drive it.</summary>
public abstract class AwsCliEcrPublicTests(GalleryFixture fixture) : GalleryTest(fixture)
{
    private static readonly string[] Tags = ["1.0", "1.1", "latest"];

    private AwsCli Aws => new(Gallery, Temp.Sub("home"));

    [Fact]
    public async Task Manage_a_repository_end_to_end()
    {
        Directory.CreateDirectory(Temp.Sub("home"));
        var name = "cli-" + Guid.NewGuid().ToString("N")[..8];
        var repository = $"{TestPublisher.Alias}/{name}";

        var created = await Aws.EcrPublicAsync("create-repository", "--repository-name", name, "--catalog-data", "description=Made by the CLI,architectures=x86-64,operatingSystems=Linux");
        Assert.Equal($"{Gallery.Authority}/{repository}", created.GetProperty("repository").GetProperty("repositoryUri").GetString());
        Assert.Contains("RepositoryAlreadyExistsException", await Aws.EcrPublicFailingAsync("create-repository", "--repository-name", name));

        var catalog = await Aws.EcrPublicAsync("put-repository-catalog-data", "--repository-name", name, "--catalog-data",
            """{"description":"Updated","aboutText":"# About","usageText":"pull it","architectures":["ARM 64","x86-64"],"operatingSystems":["Linux"]}""");
        Assert.Equal("Updated", catalog.GetProperty("catalogData").GetProperty("description").GetString());
        var described = await Aws.EcrPublicAsync("get-repository-catalog-data", "--repository-name", name);
        Assert.Equal("# About", described.GetProperty("catalogData").GetProperty("aboutText").GetString());

        var password = await Aws.GetLoginPasswordAsync();
        Assert.NotEmpty(password);
        var layout = new OciLayoutBuilder(Temp.Sub("push"));
        foreach (var tag in Tags)
        {
            layout.Tag(layout.AddImage($"{repository}:{tag}").Manifest, tag);
            await Skopeo.CopyAsync(References.Oci(layout.Directory, tag), Docker(repository, tag), credentials: "AWS:" + password);
        }

        var images = await Aws.EcrPublicAsync("describe-images", "--repository-name", name, "--page-size", "1");
        Assert.Equal(3, images.GetProperty("imageDetails").GetArrayLength());
        var firstTwo = await Aws.EcrPublicAsync("describe-images", "--repository-name", name, "--max-items", "2");
        Assert.Equal(2, firstTwo.GetProperty("imageDetails").GetArrayLength());
        var rest = await Aws.EcrPublicAsync("describe-images", "--repository-name", name, "--max-items", "2", "--starting-token", firstTwo.GetProperty("NextToken").GetString()!);
        Assert.Equal(1, rest.GetProperty("imageDetails").GetArrayLength());
        var tags = await Aws.EcrPublicAsync("describe-image-tags", "--repository-name", name, "--page-size", "2");
        Assert.Equal(Tags, tags.GetProperty("imageTagDetails").EnumerateArray().Select(t => t.GetProperty("imageTag").GetString()));
        var firstTags = await Aws.EcrPublicAsync("describe-image-tags", "--repository-name", name, "--page-size", "1", "--max-items", "2");
        var lastTag = await Aws.EcrPublicAsync("describe-image-tags", "--repository-name", name, "--page-size", "1", "--max-items", "2",
            "--starting-token", firstTags.GetProperty("NextToken").GetString()!);
        Assert.Equal(Tags, firstTags.GetProperty("imageTagDetails").EnumerateArray().Concat(lastTag.GetProperty("imageTagDetails").EnumerateArray())
            .Select(t => t.GetProperty("imageTag").GetString()));
        Assert.False(lastTag.TryGetProperty("NextToken", out _));
        var repositories = await Aws.EcrPublicAsync("describe-repositories", "--page-size", "1");
        Assert.Contains(name, repositories.GetProperty("repositories").EnumerateArray().Select(r => r.GetProperty("repositoryName").GetString()));

        var policy = JsonSerializer.Serialize(new
        {
            Version = "2012-10-17",
            Statement = new[] { new { Sid = "pull", Effect = "Allow", Principal = "*", Action = new[] { "ecr-public:DescribeImages" } } },
        });
        await Aws.EcrPublicAsync("set-repository-policy", "--repository-name", name, "--policy-text", policy);
        Assert.Equal(policy, (await Aws.EcrPublicAsync("get-repository-policy", "--repository-name", name)).GetProperty("policyText").GetString());
        Assert.Contains("InvalidParameterException", await Aws.EcrPublicFailingAsync("set-repository-policy", "--repository-name", name, "--policy-text", "not json"));
        await Aws.EcrPublicAsync("delete-repository-policy", "--repository-name", name);
        Assert.Contains("RepositoryPolicyNotFoundException", await Aws.EcrPublicFailingAsync("get-repository-policy", "--repository-name", name));

        var deleted = await Aws.EcrPublicAsync("batch-delete-image", "--repository-name", name, "--image-ids", "imageTag=1.0", "imageTag=nope");
        Assert.Equal("1.0", deleted.GetProperty("imageIds")[0].GetProperty("imageTag").GetString());
        Assert.Equal("ImageNotFound", deleted.GetProperty("failures")[0].GetProperty("failureCode").GetString());
        var left = await Aws.EcrPublicAsync("describe-image-tags", "--repository-name", name);
        Assert.Equal(["1.1", "latest"], left.GetProperty("imageTagDetails").EnumerateArray().Select(t => t.GetProperty("imageTag").GetString()));

        Assert.Contains("RepositoryNotEmptyException", await Aws.EcrPublicFailingAsync("delete-repository", "--repository-name", name));
        await Aws.EcrPublicAsync("delete-repository", "--repository-name", name, "--force");
        Assert.Contains("RepositoryNotFoundException", await Aws.EcrPublicFailingAsync("describe-repositories", "--repository-names", name));
    }
}

[Collection(SqliteGallery.Name)]
public sealed class SqliteAwsCliEcrPublicTests(SqliteGalleryFixture fixture) : AwsCliEcrPublicTests(fixture);

[Collection(PostgresGallery.Name)]
public sealed class PostgresAwsCliEcrPublicTests(PostgresGalleryFixture fixture) : AwsCliEcrPublicTests(fixture);
