using Registry.Core.Data;
using Registry.Core.Data.Entities;

namespace Registry.Core.Events;

internal static class OutboxExtensions
{
    /// <summary>
    /// Adds an event to the unit of work; it commits, or not, with the change it describes, and its commit wakes the
    /// outbox's followers (<see cref="OutboxWakeInterceptor"/>).
    /// </summary>
    public static void AddEvent(this RegistryDbContext db, string type, string repository, string? digest = null, string? tag = null, DateTime? at = null)
    {
        db.Events.Add(new RegistryEvent
        {
            Type = type,
            Repository = repository,
            Digest = digest,
            Tag = tag,
            OccurredAt = at ?? DateTime.UtcNow,
            Actor = db.Actor?.Name,
        });
        db.OutboxWritten = true;
    }
}
