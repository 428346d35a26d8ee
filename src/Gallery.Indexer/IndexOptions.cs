using Registry.Core;
using Registry.Core.Settings;

namespace Gallery.Indexer;

/// <summary>The index's settings, bound from "Gallery:Index".</summary>
public sealed class IndexOptions
{
    public const string SectionName = "Gallery:Index";

    /// <summary>The index directory; defaults to <c>index</c> under the data directory.</summary>
    public string? Path { get; set; }

    /// <summary>
    /// True (the default): this process owns the index writer and follows the events. False: it only reads the
    /// directory that a separate indexer process writes, reopening it about every <see cref="ReaderRefreshInterval"/>.
    /// </summary>
    public bool Worker { get; set; } = true;

    /// <summary>
    /// The checkpoint's name in the database, one per index replica; by default <c>index-</c> and this node's id
    /// (<see cref="Registry.Core.Cluster.NodeIdentity"/>), so nodes with their own data paths never share one.
    /// </summary>
    public string? Name { get; set; }

    /// <summary>How often the worker reads the outbox when nothing woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a missing event id (a transaction still open) holds the checkpoint back; after that it is still looked
    /// for at every read until it appears or the outbox retention passes (<see cref="EventGapTracker"/>).
    /// </summary>
    public TimeSpan GapTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often index changes are committed to disk (and the checkpoint moved). Searches in the worker's process see changes at once.</summary>
    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often pull counts flushed to the database are copied into the index.</summary>
    public TimeSpan PopularityInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a read-only process reopens the index directory.</summary>
    public TimeSpan ReaderRefreshInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Readiness: the oldest event not yet in the committed index may be at most this old. Longer than
    /// <see cref="GapTimeout"/>, as the checkpoint waits that long for an event id a transaction still holds.
    /// </summary>
    public TimeSpan MaxLag { get; set; } = TimeSpan.FromMinutes(2);

    internal static void Check(IndexOptions o, SettingRules rules) => rules
        .Check(o.Name is null || !string.IsNullOrWhiteSpace(o.Name), nameof(Name), "must not be blank (leave it unset for this node's own name)", $"'{o.Name}'")
        .Positive(nameof(PollInterval), o.PollInterval)
        .Positive(nameof(GapTimeout), o.GapTimeout)
        .Positive(nameof(CommitInterval), o.CommitInterval)
        .Positive(nameof(PopularityInterval), o.PopularityInterval)
        .Positive(nameof(ReaderRefreshInterval), o.ReaderRefreshInterval)
        .Positive(nameof(MaxLag), o.MaxLag);

    public string ResolvePath(RegistryOptions registry) =>
        System.IO.Path.GetFullPath(Path ?? System.IO.Path.Combine(registry.ResolvedDataPath, "index"), Environment.CurrentDirectory);
}
