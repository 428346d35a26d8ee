using System.Collections.Frozen;

namespace Registry.Core.Http.EcrPublic;

/// <summary>The dispatcher table: every operation of the service model and the handler that answers it.</summary>
internal static class EcrOperations
{
    public static FrozenDictionary<string, Func<EcrCall, Task<object>>> Handlers { get; } = new Dictionary<string, Func<EcrCall, Task<object>>>
    {
        ["CreateRepository"] = RepositoryHandlers.CreateAsync,
        ["DeleteRepository"] = RepositoryHandlers.DeleteAsync,
        ["DescribeRepositories"] = RepositoryHandlers.DescribeAsync,
        ["GetRepositoryCatalogData"] = CatalogHandlers.GetAsync,
        ["PutRepositoryCatalogData"] = CatalogHandlers.PutAsync,
        ["DescribeRegistries"] = RegistryHandlers.DescribeAsync,
        ["GetRegistryCatalogData"] = RegistryHandlers.GetCatalogDataAsync,
        ["PutRegistryCatalogData"] = RegistryHandlers.PutCatalogDataAsync,
        ["GetAuthorizationToken"] = RegistryHandlers.GetAuthorizationTokenAsync,
        ["DescribeImages"] = ImageHandlers.DescribeImagesAsync,
        ["DescribeImageTags"] = ImageHandlers.DescribeTagsAsync,
        ["BatchDeleteImage"] = ImageHandlers.BatchDeleteAsync,
        ["BatchCheckLayerAvailability"] = LayerHandlers.CheckAvailabilityAsync,
        ["InitiateLayerUpload"] = LayerHandlers.InitiateAsync,
        ["UploadLayerPart"] = LayerHandlers.UploadPartAsync,
        ["CompleteLayerUpload"] = LayerHandlers.CompleteAsync,
        ["PutImage"] = PutImageHandler.PutAsync,
        ["SetRepositoryPolicy"] = PolicyHandlers.SetAsync,
        ["GetRepositoryPolicy"] = PolicyHandlers.GetAsync,
        ["DeleteRepositoryPolicy"] = PolicyHandlers.DeleteAsync,
        ["TagResource"] = ResourceTagHandlers.TagAsync,
        ["UntagResource"] = ResourceTagHandlers.UntagAsync,
        ["ListTagsForResource"] = ResourceTagHandlers.ListAsync,
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
