namespace Registry.Core.Data.Entities;

/// <summary>
/// The outbox: one row per change, written in the same transaction as the change. The indexer follows it by <see cref="Id"/>.
/// </summary>
public sealed class RegistryEvent
{
    public long Id { get; set; }

    public required string Type { get; set; }

    public required string Repository { get; set; }

    public string? Digest { get; set; }

    public string? Tag { get; set; }

    public DateTime OccurredAt { get; set; }

    /// <summary>Who made the change, for people (e.g. "alice via access key GK…"); null for the registry itself.</summary>
    public string? Actor { get; set; }
}
