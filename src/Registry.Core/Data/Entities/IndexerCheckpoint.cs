namespace Registry.Core.Data.Entities;

/// <summary>
/// How far a follower of the outbox (an index replica, or the webhook worker) has got: every event with an id at or below
/// <see cref="Position"/> is reflected in its output. Kept in the database so a restarted or replaced follower resumes.
/// </summary>
public sealed class IndexerCheckpoint
{
    /// <summary>The follower's name; one row per index replica.</summary>
    public required string Name { get; set; }

    public long Position { get; set; }

    public DateTime UpdatedAt { get; set; }
}
