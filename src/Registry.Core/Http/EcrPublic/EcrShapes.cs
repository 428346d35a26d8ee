using Registry.Core.Access;
using System.Text.Json.Serialization;
using Registry.Core.Data.Entities;
using Registry.Core.Repositories.Images;

namespace Registry.Core.Http.EcrPublic;

/// <summary>The output structures of the service model, named and shaped as it names them.</summary>
internal static class EcrShapes
{
    public sealed record RepositoryShape(string RepositoryArn, string RegistryId, string RepositoryName, string RepositoryUri, double CreatedAt);

    /// <summary>
    /// Members never set are left out, as ECR Public answers (a repository without catalog data has <c>"catalogData": {}</c>).
    /// The model's <c>marketplaceCertified</c> is left out too: nothing here is certified by AWS Marketplace.
    /// </summary>
    public sealed record CatalogDataShape(string? Description, IReadOnlyList<string>? Architectures, IReadOnlyList<string>? OperatingSystems,
        string? LogoUrl, string? AboutText, string? UsageText);

    public sealed record ImageIdShape(string? ImageDigest, string? ImageTag);

    public sealed record ImageDetailShape(string RegistryId, string RepositoryName, string ImageDigest, IReadOnlyList<string> ImageTags,
        long ImageSizeInBytes, double ImagePushedAt, string ImageManifestMediaType, string? ArtifactMediaType);

    public sealed record ReferencedImageDetailShape(string ImageDigest, long ImageSizeInBytes, double ImagePushedAt, string ImageManifestMediaType, string? ArtifactMediaType);

    public sealed record ImageTagDetailShape(string ImageTag, double CreatedAt, ReferencedImageDetailShape ImageDetail);

    public sealed record TagShape([property: JsonPropertyName("Key")] string Key, [property: JsonPropertyName("Value")] string? Value);

    public static string RegistryArn(string registryId) => $"arn:aws:ecr-public::{registryId}:registry/{registryId}";

    public static RepositoryShape Repository(EcrCall call, Repository repository, PublicRegistry registry) =>
        new(RepositoryAccess.RepositoryArn(registry.RegistryId, repository.Name), registry.RegistryId, repository.Name,
            $"{call.Host}/{registry.Alias}/{repository.Name}", EcrJson.Epoch(repository.CreatedAt));

    public static CatalogDataShape CatalogData(EcrCall call, Repository repository) =>
        new(repository.Description, NullIfEmpty(repository.Architectures), NullIfEmpty(repository.OperatingSystems),
            repository.LogoDigest is { } logo ? LogoEndpoints.Url(call.BaseUrl, logo) : null,
            repository.AboutText, repository.UsageText);

    private static IReadOnlyList<string>? NullIfEmpty(IReadOnlyList<string> values) => values.Count == 0 ? null : values;

    public static ImageDetailShape ImageDetail(string registryId, string repositoryName, ImageSummary image) =>
        new(registryId, repositoryName, image.Digest, image.Tags, image.Size, EcrJson.Epoch(image.PushedAt), image.MediaType, image.ArtifactMediaType);

    public static ImageTagDetailShape TagDetail(TagSummary tag) =>
        new(tag.Tag, EcrJson.Epoch(tag.UpdatedAt),
            new ReferencedImageDetailShape(tag.Image.Digest, tag.Image.Size, EcrJson.Epoch(tag.Image.PushedAt), tag.Image.MediaType, tag.Image.ArtifactMediaType));
}
