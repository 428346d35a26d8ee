namespace Registry.Core.Data.Entities;

/// <summary>
/// One message for one webhook: its body is fixed when it is queued (retries and redeliveries send the same bytes),
/// and the outcome of its last attempt is kept for the console. Any node may send it once it has claimed the row.
/// </summary>
public sealed class WebhookDelivery
{
    public long Id { get; set; }

    public long WebhookId { get; set; }

    /// <summary>The outbox event it reports; null for tests and redeliveries, which are not ordered.</summary>
    public long? EventId { get; set; }

    /// <summary>What <c>X-Gallery-Delivery</c> says; a redelivery keeps its original's.</summary>
    public required string DeliveryId { get; set; }

    public required string Event { get; set; }

    /// <summary>The repository it is about, for ordering deliveries of one repository.</summary>
    public string? Repository { get; set; }

    public required string Payload { get; set; }

    public WebhookDeliveryState State { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime NextAttemptAt { get; set; }

    /// <summary>A node sending it holds it until then; past it, another node may take it over.</summary>
    public DateTime? ClaimedUntil { get; set; }

    public int Attempts { get; set; }

    public DateTime? LastAttemptAt { get; set; }

    /// <summary>The receiver's HTTP status; null when no answer came (refused, timed out).</summary>
    public int? LastStatus { get; set; }

    public int? LastLatencyMs { get; set; }

    /// <summary>The start of the receiver's answer, or why there was none.</summary>
    public string? LastResponse { get; set; }
}

public enum WebhookDeliveryState
{
    Pending = 0,
    Delivered = 1,
    Failed = 2,
}
