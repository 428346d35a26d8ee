using Registry.Core.Access.Policies;
using Registry.Core.Oci;
using Registry.Core.Repositories;
using Registry.Core.Repositories.Images;
using static Registry.Core.Http.EcrPublic.EcrShapes;

namespace Registry.Core.Http.EcrPublic;

/// <summary>DescribeImages, DescribeImageTags, BatchDeleteImage.</summary>
internal static class ImageHandlers
{
    private sealed record DescribeImagesRequest(string? RegistryId, string RepositoryName, List<ImageIdShape>? ImageIds, string? NextToken, int? MaxResults);

    private sealed record DescribeTagsRequest(string? RegistryId, string RepositoryName, string? NextToken, int? MaxResults);

    private sealed record DeleteRequest(string? RegistryId, string RepositoryName, List<ImageIdShape> ImageIds);

    private sealed record ImageFailure(ImageIdShape ImageId, string FailureCode, string FailureReason);

    public static async Task<object> DescribeImagesAsync(EcrCall call)
    {
        var request = call.Read<DescribeImagesRequest>();
        PageToken.EnsureNotWithList("imageIds", request.ImageIds, request.NextToken, request.MaxResults);
        var target = await RepositoryTargets.ResolveAsync(call, request.RegistryId, request.RepositoryName, EcrPublicActions.DescribeImages);
        var images = call.Service<ImageQueryService>();
        var registryId = target.Registry.RegistryId;
        if (request.ImageIds is { } ids)
        {
            var found = new List<ImageSummary>();
            foreach (var id in ids)
            {
                EnsureWellFormed(id);
                var image = await FindAsync(images, target.Repository.Id, id, call.Aborted)
                    ?? throw new EcrPublicException(EcrErrorTypes.ImageNotFound,
                        $"The image with imageId {Show(id)} does not exist within the repository with name '{request.RepositoryName}' in the registry with id '{registryId}'");
                found.Add(image);
            }

            return new { imageDetails = found.DistinctBy(i => i.Id).Select(i => ImageDetail(registryId, request.RepositoryName, i)).ToList() };
        }

        var pageSize = request.MaxResults ?? PageToken.DefaultPageSize;
        var page = await images.ListImagesAsync(target.Repository.Id, PageToken.DecodeLong(call.Operation, request.NextToken), pageSize + 1, call.Aborted);
        return new
        {
            imageDetails = page.Take(pageSize).Select(i => ImageDetail(registryId, request.RepositoryName, i)).ToList(),
            nextToken = page.Count > pageSize ? PageToken.Encode(call.Operation, page[pageSize - 1].Id) : null,
        };
    }

    public static async Task<object> DescribeTagsAsync(EcrCall call)
    {
        var request = call.Read<DescribeTagsRequest>();
        var target = await RepositoryTargets.ResolveAsync(call, request.RegistryId, request.RepositoryName, EcrPublicActions.DescribeImageTags);
        var pageSize = request.MaxResults ?? PageToken.DefaultPageSize;
        var page = await call.Service<ImageQueryService>().ListTagsAsync(target.Repository.Id, PageToken.Decode(call.Operation, request.NextToken), pageSize + 1, call.Aborted);
        return new
        {
            imageTagDetails = page.Take(pageSize).Select(TagDetail).ToList(),
            nextToken = page.Count > pageSize ? PageToken.Encode(call.Operation, page[pageSize - 1].Tag) : null,
        };
    }

    public static async Task<object> BatchDeleteAsync(EcrCall call)
    {
        var request = call.Read<DeleteRequest>();
        var target = await RepositoryTargets.ResolveAsync(call, request.RegistryId, request.RepositoryName, EcrPublicActions.BatchDeleteImage);
        var deleted = new List<ImageIdShape>();
        var failures = new List<ImageFailure>();
        foreach (var id in request.ImageIds)
        {
            if (await DeleteOneAsync(call, target, id, deleted) is { } failure)
            {
                failures.Add(failure);
            }
        }

        return new { imageIds = deleted, failures };
    }

    private static async Task<ImageFailure?> DeleteOneAsync(EcrCall call, RepositoryTarget target, ImageIdShape id, List<ImageIdShape> deleted)
    {
        if (id.ImageDigest is null && id.ImageTag is null)
        {
            return new ImageFailure(id, "MissingDigestAndTag", "Missing image digest and image tag");
        }

        if (id.ImageDigest is not null && !Digest.TryParse(id.ImageDigest, out _, out _))
        {
            return new ImageFailure(id, "InvalidImageDigest", "Invalid image digest");
        }

        if (id.ImageTag is not null && !TagName.IsValid(id.ImageTag, out _))
        {
            return new ImageFailure(id, "InvalidImageTag", "Invalid image tag");
        }

        var images = call.Service<ImageQueryService>();
        var image = await FindAsync(images, target.Repository.Id, id, call.Aborted);
        if (image is null)
        {
            return id.ImageTag is not null && id.ImageDigest is not null && await images.FindByTagAsync(target.Repository.Id, id.ImageTag, call.Aborted) is not null
                ? new ImageFailure(id, "ImageTagDoesNotMatchDigest", "Requested image tag does not match the digest")
                : new ImageFailure(id, "ImageNotFound", "Requested image not found");
        }

        var manifests = call.Service<ManifestService>();
        if (id.ImageTag is { } tag)
        {
            await manifests.DeleteAsync(target.Name, new ManifestRef(tag, null), call.Aborted);
            deleted.Add(new ImageIdShape(image.Digest, tag));
            if (image.Tags.Count > 1 || await images.IsReferencedByIndexAsync(target.Repository.Id, image.Digest, call.Aborted))
            {
                return null;
            }
        }
        else if (await images.IsReferencedByIndexAsync(target.Repository.Id, image.Digest, call.Aborted))
        {
            return new ImageFailure(id, "ImageReferencedByManifestList", "The image is referenced by a manifest list in this repository");
        }
        else
        {
            deleted.AddRange(image.Tags.Count == 0 ? [new ImageIdShape(image.Digest, null)] : image.Tags.Select(t => new ImageIdShape(image.Digest, t)));
        }

        // The last tag gone (or a digest named): the image goes with it, as on ECR Public.
        await manifests.DeleteAsync(target.Name, new ManifestRef(null, Digest.Parse(image.Digest)), call.Aborted);
        return null;
    }

    /// <summary>DescribeImages refuses a malformed identifier outright (BatchDeleteImage reports it as a failure instead).</summary>
    private static void EnsureWellFormed(ImageIdShape id)
    {
        if (id.ImageDigest is null && id.ImageTag is null)
        {
            throw EcrPublicException.InvalidParameter("Invalid parameter at 'imageIds' failed to satisfy constraint: 'each image id needs an imageDigest, an imageTag or both'");
        }

        if (id.ImageDigest is not null && !Digest.TryParse(id.ImageDigest, out _, out var error))
        {
            throw EcrPublicException.InvalidParameter($"Invalid parameter at 'imageDigest' failed to satisfy constraint: '{error}'");
        }
    }

    /// <summary>An identifier as ECR's messages print it, a missing member as 'null'.</summary>
    private static string Show(ImageIdShape id) => $"{{imageDigest:'{id.ImageDigest ?? "null"}', imageTag:'{id.ImageTag ?? "null"}'}}";

    /// <summary>The image an identifier names: by tag, by digest, or by both when they agree.</summary>
    private static async Task<ImageSummary?> FindAsync(ImageQueryService images, long repositoryId, ImageIdShape id, CancellationToken cancellationToken)
    {
        var image = id.ImageTag is { } tag
            ? await images.FindByTagAsync(repositoryId, tag, cancellationToken)
            : id.ImageDigest is { } digest ? await images.FindByDigestAsync(repositoryId, digest, cancellationToken) : null;
        return image is not null && id.ImageDigest is not null && image.Digest != id.ImageDigest ? null : image;
    }
}
