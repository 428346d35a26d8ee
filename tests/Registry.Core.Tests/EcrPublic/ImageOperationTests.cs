using System.Text;
using Gallery.Testing;
using Registry.Core.Oci;
using Registry.Core.Tests.Http;

namespace Registry.Core.Tests.EcrPublic;

/// <summary>Layer upload, PutImage, DescribeImages/DescribeImageTags with paging, BatchDeleteImage.</summary>
public abstract class ImageOperationTests(RegistryFixture fixture) : EcrPublicTestBase(fixture)
{
    [Fact]
    public async Task Push_through_the_api_then_describe_and_pull()
    {
        var name = await CreateRepositoryAsync();
        var image = TestImage.Create(layers: 2);
        var put = await PushAsync(name, image, "v1");
        Assert.Equal(image.Digest, put.GetProperty("image").GetProperty("imageId").GetProperty("imageDigest").GetString());
        Assert.Equal(image.MediaType, put.GetProperty("image").GetProperty("imageManifestMediaType").GetString());

        var described = await Ecr.CallAsync("DescribeImages", new { repositoryName = name });
        var detail = described.GetProperty("imageDetails")[0];
        Assert.Equal(image.Digest, detail.GetProperty("imageDigest").GetString());
        Assert.Equal(["v1"], detail.GetProperty("imageTags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(image.Blobs.Sum(b => (long)b.Content.Length), detail.GetProperty("imageSizeInBytes").GetInt64());
        Assert.Equal(image.Config.MediaType, detail.GetProperty("artifactMediaType").GetString());
        Assert.True(detail.GetProperty("imagePushedAt").GetDouble() > 1.7e9);

        var byTag = await Ecr.CallAsync("DescribeImages", new { repositoryName = name, imageIds = new[] { new { imageTag = "v1" } } });
        Assert.Equal(image.Digest, byTag.GetProperty("imageDetails")[0].GetProperty("imageDigest").GetString());
        await Ecr.FailAsync("DescribeImages", new { repositoryName = name, imageIds = new[] { new { imageTag = "nope" } } }, "ImageNotFoundException");

        using var pull = await Fixture.Host.AnonymousClient.GetAsync($"/v2/{TestPublisher.Alias}/{name}/manifests/v1");
        Assert.Equal(image.Manifest, await pull.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_manifest_list_reports_its_largest_image_as_its_size()
    {
        var name = await CreateRepositoryAsync();
        var small = TestImage.Create(layers: 1);
        var large = TestImage.Create(layers: 3, architecture: "arm64");
        await PushAsync(name, small, "small");
        await PushAsync(name, large, "large");
        var index = TestImage.Index(small.Descriptor(), large.Descriptor(architecture: "arm64"));
        await Ecr.CallAsync("PutImage", new { repositoryName = name, imageManifest = Encoding.UTF8.GetString(index), imageManifestMediaType = MediaTypes.OciIndex, imageTag = "multi" });

        var largest = large.Blobs.Sum(b => (long)b.Content.Length);
        var described = await Ecr.CallAsync("DescribeImages", new { repositoryName = name, imageIds = new[] { new { imageTag = "multi" } } });
        Assert.Equal(largest, described.GetProperty("imageDetails")[0].GetProperty("imageSizeInBytes").GetInt64());
        var tags = await Ecr.CallAsync("DescribeImageTags", new { repositoryName = name });
        var multi = tags.GetProperty("imageTagDetails").EnumerateArray().Single(t => t.GetProperty("imageTag").GetString() == "multi");
        Assert.Equal(largest, multi.GetProperty("imageDetail").GetProperty("imageSizeInBytes").GetInt64());
    }

    [Fact]
    public async Task Put_image_errors_use_ecr_names()
    {
        var name = await CreateRepositoryAsync();
        var image = TestImage.Create();
        var manifest = Encoding.UTF8.GetString(image.Manifest);
        await Ecr.FailAsync("PutImage", new { repositoryName = name, imageManifest = manifest, imageTag = "v1" }, "LayersNotFoundException");
        await PushAsync(name, image, "v1");
        await Ecr.FailAsync("PutImage", new { repositoryName = name, imageManifest = manifest, imageTag = "v1" }, "ImageAlreadyExistsException");
        await Ecr.CallAsync("PutImage", new { repositoryName = name, imageManifest = manifest, imageTag = "v2" });
        await Ecr.FailAsync("PutImage", new { repositoryName = name, imageManifest = manifest, imageTag = "v3", imageDigest = "sha256:" + new string('0', 64) }, "ImageDigestDoesNotMatchException");
        await Ecr.FailAsync("PutImage", new { repositoryName = name, imageManifest = "{not json", imageTag = "v4" }, "InvalidParameterException");
        await Ecr.FailAsync("PutImage", new { repositoryName = name, imageManifest = "", imageTag = "v4" }, "InvalidParameterException");
        await Ecr.FailAsync("PutImage", new { repositoryName = NewName(), imageManifest = manifest, imageTag = "v1" }, "RepositoryNotFoundException");
        await Ecr.FailAsync("PutImage", new { registryId = "nosuchalias", repositoryName = name, imageManifest = manifest }, "RegistryNotFoundException");

        // The default alias DescribeRegistries lists beside the custom one names the same registry.
        var defaultAlias = (await Ecr.CallAsync("DescribeRegistries")).GetProperty("registries")[0].GetProperty("aliases").EnumerateArray()
            .Single(a => a.GetProperty("defaultRegistryAlias").GetBoolean()).GetProperty("name").GetString();
        var viaDefault = await Ecr.CallAsync("PutImage", new { registryId = defaultAlias, repositoryName = name, imageManifest = manifest, imageTag = "v5" });
        Assert.Equal("v5", viaDefault.GetProperty("image").GetProperty("imageId").GetProperty("imageTag").GetString());
    }

    [Fact]
    public async Task Layer_parts_must_continue_the_upload_and_match_the_digest()
    {
        var name = await CreateRepositoryAsync();
        var content = TestBlob.Random(3000).Content;
        var upload = await Ecr.CallAsync("InitiateLayerUpload", new { repositoryName = name });
        var uploadId = upload.GetProperty("uploadId").GetString();
        Assert.True(upload.GetProperty("partSize").GetInt64() > 0);

        var first = await Ecr.CallAsync("UploadLayerPart", new { repositoryName = name, uploadId, partFirstByte = 0, partLastByte = 999, layerPartBlob = content[..1000] });
        Assert.Equal(999, first.GetProperty("lastByteReceived").GetInt64());
        var overlap = await Ecr.SendAsync(Ecr.Sign("UploadLayerPart", EcrPublicClient.Body(new { repositoryName = name, uploadId, partFirstByte = 500, partLastByte = 1499, layerPartBlob = content[500..1500] })));
        overlap.AssertError("InvalidLayerPartException");
        Assert.Equal(999, overlap.Body.GetProperty("lastValidByteReceived").GetInt64());
        Assert.Equal(uploadId, overlap.Body.GetProperty("uploadId").GetString());
        Assert.Equal(name, overlap.Body.GetProperty("repositoryName").GetString());
        await Ecr.FailAsync("UploadLayerPart", new { repositoryName = name, uploadId, partFirstByte = 1000, partLastByte = 1999, layerPartBlob = content[1000..1500] }, "InvalidLayerPartException");
        await Ecr.FailAsync("UploadLayerPart", new { repositoryName = name, uploadId, partFirstByte = 1000, partLastByte = 2999, layerPartBlob = "%%%notbase64" }, "SerializationException");
        await Ecr.CallAsync("UploadLayerPart", new { repositoryName = name, uploadId, partFirstByte = 1000, partLastByte = 2999, layerPartBlob = content[1000..] });
        await Ecr.FailAsync("UploadLayerPart", new { repositoryName = name, uploadId = Guid.NewGuid().ToString(), partFirstByte = 0, partLastByte = 0, layerPartBlob = content[..1] }, "UploadNotFoundException");
        await Ecr.FailAsync("UploadLayerPart", new { repositoryName = name, uploadId = "not-a-uuid", partFirstByte = 0, partLastByte = 0, layerPartBlob = content[..1] }, "InvalidParameterException");

        await Ecr.FailAsync("CompleteLayerUpload", new { repositoryName = name, uploadId, layerDigests = new[] { "sha256:" + new string('1', 64) } }, "InvalidLayerException");
        await Ecr.FailAsync("CompleteLayerUpload", new { repositoryName = name, uploadId, layerDigests = new[] { DigestOf(content) } }, "UploadNotFoundException");

        await UploadLayerAsync(name, content);
        var check = await Ecr.CallAsync("BatchCheckLayerAvailability", new { repositoryName = name, layerDigests = new[] { DigestOf(content), "sha256:" + new string('2', 64), "bogus" } });
        Assert.Equal("AVAILABLE", check.GetProperty("layers")[0].GetProperty("layerAvailability").GetString());
        Assert.Equal(3000, check.GetProperty("layers")[0].GetProperty("layerSize").GetInt64());
        Assert.Equal(["MissingLayerDigest", "InvalidLayerDigest"], Strings(check.GetProperty("failures"), "failureCode"));

        var again = await Ecr.CallAsync("InitiateLayerUpload", new { repositoryName = name });
        var againId = again.GetProperty("uploadId").GetString();
        await Ecr.CallAsync("UploadLayerPart", new { repositoryName = name, uploadId = againId, partFirstByte = 0, partLastByte = 2999, layerPartBlob = content });
        await Ecr.FailAsync("CompleteLayerUpload", new { repositoryName = name, uploadId = againId, layerDigests = new[] { DigestOf(content) } }, "LayerAlreadyExistsException");
        var empty = await Ecr.CallAsync("InitiateLayerUpload", new { repositoryName = name });
        await Ecr.FailAsync("CompleteLayerUpload", new { repositoryName = name, uploadId = empty.GetProperty("uploadId").GetString(), layerDigests = new[] { DigestOf(content) } }, "EmptyUploadException");
    }

    [Fact]
    public async Task Image_tags_page_and_images_delete_by_tag_or_digest()
    {
        var name = await CreateRepositoryAsync();
        var one = TestImage.Create();
        var two = TestImage.Create();
        await PushAsync(name, one, "a");
        await Ecr.CallAsync("PutImage", new { repositoryName = name, imageManifest = Encoding.UTF8.GetString(one.Manifest), imageTag = "b" });
        await PushAsync(name, two, "c");

        var tags = new List<string>();
        string? token = null;
        do
        {
            var page = await Ecr.CallAsync("DescribeImageTags", new { repositoryName = name, maxResults = 2, nextToken = token });
            tags.AddRange(Strings(page.GetProperty("imageTagDetails"), "imageTag"));
            token = page.TryGetProperty("nextToken", out var next) ? next.GetString() : null;
        }
        while (token is not null);

        Assert.Equal(["a", "b", "c"], tags);
        var images = await Ecr.CallAsync("DescribeImages", new { repositoryName = name, maxResults = 1 });
        Assert.Equal(1, images.GetProperty("imageDetails").GetArrayLength());
        Assert.True(images.TryGetProperty("nextToken", out _));
        await Ecr.FailAsync("DescribeImages", new { repositoryName = name, imageIds = new[] { new { imageTag = "a" } }, maxResults = 1 }, "InvalidParameterException");
        await Ecr.FailAsync("DescribeImages", new { repositoryName = name, imageIds = new[] { new { imageDigest = "sha256:abc" } } }, "InvalidParameterException");
        await Ecr.FailAsync("DescribeImages", new { repositoryName = name, imageIds = new[] { new { } } }, "InvalidParameterException");
        var missing = await Ecr.FailAsync("DescribeImages", new { repositoryName = name, imageIds = new[] { new { imageTag = "nope" } } }, "ImageNotFoundException");
        Assert.Contains("{imageDigest:'null', imageTag:'nope'}", missing);

        var deleted = await Ecr.CallAsync("BatchDeleteImage", new
        {
            repositoryName = name,
            imageIds = new object[]
            {
                new { imageTag = "a" }, new { imageDigest = two.Digest }, new { imageTag = "gone" }, new { imageTag = "b", imageDigest = two.Digest }, new { },
                new { imageTag = "gone", imageDigest = one.Digest },
            },
        });
        Assert.Equal(["a", "c"], Strings(deleted.GetProperty("imageIds"), "imageTag"));
        var failures = deleted.GetProperty("failures");
        Assert.Equal(["ImageNotFound", "ImageTagDoesNotMatchDigest", "MissingDigestAndTag", "ImageNotFound"], Strings(failures, "failureCode"));
        Assert.Equal("Requested image not found", failures[3].GetProperty("failureReason").GetString());

        var left = await Ecr.CallAsync("DescribeImages", new { repositoryName = name });
        Assert.Equal(one.Digest, left.GetProperty("imageDetails")[0].GetProperty("imageDigest").GetString());
        await Ecr.CallAsync("BatchDeleteImage", new { repositoryName = name, imageIds = new[] { new { imageTag = "b" } } });
        Assert.Equal(0, (await Ecr.CallAsync("DescribeImages", new { repositoryName = name })).GetProperty("imageDetails").GetArrayLength());
        await Ecr.CallAsync("DeleteRepository", new { repositoryName = name });
    }

    [Fact]
    public async Task Another_publisher_cannot_push_to_or_manage_my_repositories()
    {
        var name = await CreateRepositoryAsync();
        var (_, other, _) = await OtherPublisherAsync();
        var mine = (await Ecr.CallAsync("DescribeRegistries")).GetProperty("registries")[0].GetProperty("registryId").GetString();
        await other.FailAsync("InitiateLayerUpload", new { registryId = TestPublisher.Alias, repositoryName = name }, "AccessDeniedException");
        await other.FailAsync("PutImage", new { registryId = mine, repositoryName = name, imageManifest = "{}", imageTag = "x" }, "AccessDeniedException");
        await other.FailAsync("DeleteRepository", new { registryId = mine, repositoryName = name, force = true }, "AccessDeniedException");
        await other.FailAsync("PutRepositoryCatalogData", new { registryId = mine, repositoryName = name, catalogData = new { description = "defaced" } }, "AccessDeniedException");
        await other.FailAsync("SetRepositoryPolicy", new { registryId = mine, repositoryName = name, policyText = "{}" }, "AccessDeniedException");
        await other.FailAsync("TagResource", new { resourceArn = $"arn:aws:ecr-public::{mine}:repository/{name}", tags = new[] { new { Key = "k", Value = "v" } } }, "AccessDeniedException");

        // The same name elsewhere is another repository: CreateRepository always creates under the caller's own alias.
        var theirs = await other.CallAsync("CreateRepository", new { repositoryName = name });
        Assert.DoesNotContain($"/{TestPublisher.Alias}/", theirs.GetProperty("repository").GetProperty("repositoryUri").GetString());
        Assert.Empty((await Ecr.CallAsync("DescribeImages", new { repositoryName = name })).GetProperty("imageDetails").EnumerateArray());
    }
}

public sealed class SqliteImageOperationTests(SqliteRegistryFixture fixture) : ImageOperationTests(fixture), IClassFixture<SqliteRegistryFixture>;

public sealed class PostgresImageOperationTests(PostgresRegistryFixture fixture) : ImageOperationTests(fixture), IClassFixture<PostgresRegistryFixture>;
