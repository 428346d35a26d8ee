using Registry.Core.Events;

namespace Registry.Core.Webhooks;

/// <summary>The events a webhook may subscribe to, and which outbox event each one reports.</summary>
public static class WebhookEvents
{
    public const string ImagePushed = "image.pushed";
    public const string ImageDeleted = "image.deleted";
    public const string TagMoved = "tag.moved";
    public const string RepositoryCreated = "repository.created";
    public const string RepositoryDeleted = "repository.deleted";
    public const string CatalogChanged = "catalog.changed";

    /// <summary>What "send a test" delivers; no subscription needed.</summary>
    public const string Ping = "ping";

    public static readonly IReadOnlyList<string> All = [ImagePushed, ImageDeleted, TagMoved, RepositoryCreated, RepositoryDeleted, CatalogChanged];

    /// <summary>The webhook event an outbox event is delivered as; null for those webhooks do not report.</summary>
    public static string? FromOutbox(string type) => type switch
    {
        RegistryEventTypes.ImagePushed => ImagePushed,
        RegistryEventTypes.ImageDeleted => ImageDeleted,
        RegistryEventTypes.TagUpdated => TagMoved,
        RegistryEventTypes.RepositoryCreated => RepositoryCreated,
        RegistryEventTypes.RepositoryDeleted => RepositoryDeleted,
        RegistryEventTypes.CatalogUpdated => CatalogChanged,
        _ => null,
    };
}
