namespace Registry.Core.Webhooks;

/// <summary>Webhook settings, bound from "Gallery:Webhooks".</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Gallery:Webhooks";

    /// <summary>
    /// Allows targets in private and loopback ranges (a receiver on the same network). Link-local addresses, where
    /// cloud metadata services answer, stay refused.
    /// </summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>How long one attempt may take, connecting and reading the answer included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a delivery that fails is retried (with growing delays) before it is given up.</summary>
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The delay before the first retry; each further one doubles it, up to an hour.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Deliveries this node sends at once (to different webhooks or repositories).</summary>
    public int Concurrency { get; set; } = 16;

    /// <summary>
    /// How long a missing outbox id (a transaction still open) holds back later events, which are delivered in order;
    /// past it, the id is passed by.
    /// </summary>
    public TimeSpan GapTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the outbox and the queue are read when nothing woke the sender.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
