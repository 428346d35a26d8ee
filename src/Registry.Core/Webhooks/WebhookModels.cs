namespace Registry.Core.Webhooks;

/// <summary>
/// What a publisher sends to create or replace a webhook. <paramref name="Repository"/> is <c>alias/name</c> of one of
/// its repositories, or null for all of them; on a replace, a null <paramref name="Secret"/> keeps the current one.
/// </summary>
public sealed record WebhookInput(string? Repository, string? Url, string? Secret, IReadOnlyList<string>? Events);

/// <summary>A webhook as its owner sees it (never with its secret).</summary>
public sealed record WebhookView(long Id, string? Repository, string Url, IReadOnlyList<string> Events, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>One delivery and the outcome of its last attempt.</summary>
public sealed record WebhookDeliveryView(
    long Id, string DeliveryId, string Event, string? Repository, string State, int Attempts, DateTime CreatedAt,
    DateTime? LastAttemptAt, DateTime? NextAttemptAt, int? Status, int? LatencyMs, string? Response);
