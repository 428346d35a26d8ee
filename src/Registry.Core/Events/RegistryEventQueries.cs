using Microsoft.EntityFrameworkCore;
using Registry.Core.Data;
using Registry.Core.Data.Entities;

namespace Registry.Core.Events;

/// <summary>Reads the outbox for people: a repository's recent events, newest first (the console's Activity).</summary>
public sealed class RegistryEventQueries(RegistryDbContext db)
{
    public Task<List<RegistryEvent>> RecentAsync(string repositoryFullName, int take, CancellationToken cancellationToken) =>
        db.Events.AsNoTracking().Where(e => e.Repository == repositoryFullName).OrderByDescending(e => e.Id).Take(take).ToListAsync(cancellationToken);
}
