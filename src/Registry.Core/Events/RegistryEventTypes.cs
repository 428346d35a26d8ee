namespace Registry.Core.Events;

/// <summary>What the outbox records, in the past tense. Events describe repositories and images, not blobs.</summary>
public static class RegistryEventTypes
{
    public const string RepositoryCreated = "repository.created";
    public const string RepositoryDeleted = "repository.deleted";
    public const string CatalogUpdated = "catalog.updated";
    public const string RegistryUpdated = "registry.updated";
    public const string ImagePushed = "image.pushed";
    public const string ImageDeleted = "image.deleted";
    public const string TagUpdated = "tag.updated";
    public const string TagDeleted = "tag.deleted";

    /// <summary>An image's attachments were read (packages, signer, ...); <c>Digest</c> is the image's, the subject.</summary>
    public const string AttachmentsRead = "attachments.read";
}
