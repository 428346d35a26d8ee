using System.Text.Json;
using System.Text.Json.Serialization;

namespace Registry.Core.Webhooks;

/// <summary>
/// The JSON bodies webhooks receive, one schema per event (README, "Webhooks", documents them). Every body says its
/// delivery <c>id</c> (also in <c>X-Gallery-Delivery</c>), the <c>event</c> and when it happened; platforms read
/// <c>os/architecture[/variant]</c>.
/// </summary>
public static class WebhookPayloads
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Serialize<T>(T payload) => JsonSerializer.Serialize(payload, Json);
}

/// <summary><c>image.pushed</c>: a new image (manifest or index) in a repository; <c>tag</c> is the tag it was pushed by, if any.</summary>
public sealed record ImagePushedPayload(string Id, string Event, DateTime OccurredAt, string Repository, string? Tag, string Digest,
    IReadOnlyList<string> Platforms, string? Pusher);

/// <summary><c>tag.moved</c>: a tag now names this image (a new tag, or one moved from another image).</summary>
public sealed record TagMovedPayload(string Id, string Event, DateTime OccurredAt, string Repository, string Tag, string Digest,
    IReadOnlyList<string> Platforms, string? Pusher);

/// <summary><c>image.deleted</c>: an image and its tags are gone.</summary>
public sealed record ImageDeletedPayload(string Id, string Event, DateTime OccurredAt, string Repository, string Digest, string? Actor);

/// <summary><c>repository.created</c>, <c>repository.deleted</c> and <c>catalog.changed</c> (its gallery page was edited).</summary>
public sealed record RepositoryPayload(string Id, string Event, DateTime OccurredAt, string Repository, string? Actor);

/// <summary><c>ping</c>: "send a test" from the console or the API.</summary>
public sealed record PingPayload(string Id, string Event, DateTime OccurredAt, long WebhookId, string? Repository);
