using Microsoft.EntityFrameworkCore;
using Registry.Core.Data;

namespace Registry.Core.Events;

/// <summary>An outbox event as people read it: what happened (<see cref="RegistryEventTypes"/>), to which tag or digest, by whom, when.</summary>
public sealed record RecentEvent(string Type, string? Tag, string? Digest, string? Actor, DateTime OccurredAt);

/// <summary>Reads the outbox for people: a repository's recent events, newest first (the console's Activity).</summary>
public sealed class RegistryEventQueries(RegistryDbContext db)
{
    public Task<List<RecentEvent>> RecentAsync(string repositoryFullName, int take, CancellationToken cancellationToken) =>
        db.Events.AsNoTracking().Where(e => e.Repository == repositoryFullName).OrderByDescending(e => e.Id).Take(take)
            .Select(e => new RecentEvent(e.Type, e.Tag, e.Digest, e.Actor, e.OccurredAt)).ToListAsync(cancellationToken);
}
